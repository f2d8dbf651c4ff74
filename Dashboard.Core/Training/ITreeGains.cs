namespace Dashboard.Core.Training;

/// <summary>
/// A tree ensemble that can say how much each feature slot contributed to its splits: the total gain of the
/// splits on that slot, summed over the trees (ML.NET's GetFeatureWeights). Read off the trained model, so it
/// costs nothing beyond the fit, unlike permutation importance.
/// </summary>
public interface ITreeGains
{
    /// <summary>Per feature slot (matrix column), its total split gain; 0 for slots no tree split on.</summary>
    IReadOnlyList<double> SlotGains { get; }
}
