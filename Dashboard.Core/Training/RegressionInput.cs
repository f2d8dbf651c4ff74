namespace Dashboard.Core.Training;

/// <summary>Everything one regressor fit needs: the (resampled) training rows, their target values, settings and seed.</summary>
public sealed record RegressionInput(
    FeatureMatrix Features,
    IReadOnlyList<double> Targets,
    HyperparameterValues Hyperparameters,
    int Seed)
{
    /// <summary>Where a fit that can split its work finds a core no other fit is using; null to use only its own.</summary>
    public SpareCore? SpareCore { get; init; }
}
