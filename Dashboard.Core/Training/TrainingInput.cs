namespace Dashboard.Core.Training;

/// <summary>Everything one algorithm fit needs: the (resampled) training rows, their labels, settings and seed.</summary>
public sealed record TrainingInput(
    FeatureMatrix Features,
    IReadOnlyList<int> Labels,
    HyperparameterValues Hyperparameters,
    ClassWeighting ClassWeight,
    int Seed);
