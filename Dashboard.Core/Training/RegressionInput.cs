namespace Dashboard.Core.Training;

/// <summary>Everything one regressor fit needs: the (resampled) training rows, their target values, settings and seed.</summary>
public sealed record RegressionInput(
    FeatureMatrix Features,
    IReadOnlyList<double> Targets,
    HyperparameterValues Hyperparameters,
    int Seed);
