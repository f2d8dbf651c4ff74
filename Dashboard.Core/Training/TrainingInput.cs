namespace Dashboard.Core.Training;

/// <summary>Everything one algorithm fit needs: the (resampled) training rows, their labels, settings and seed.</summary>
public sealed record TrainingInput(
    FeatureMatrix Features,
    IReadOnlyList<int> Labels,
    HyperparameterValues Hyperparameters,
    ClassWeighting ClassWeight,
    int Seed)
{
    /// <summary>Where a fit that can split its work finds a core no other fit is using; null to use only its own.</summary>
    public SpareCore? SpareCore { get; init; }
}
