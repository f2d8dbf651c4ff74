namespace Dashboard.Core.Training;

/// <summary>One algorithm of a run with the settings it trains with.</summary>
public sealed record AlgorithmSettings(AlgorithmDescriptor Algorithm, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight)
{
    public static AlgorithmSettings Default(AlgorithmDescriptor algorithm) => new(algorithm, HyperparameterValues.Defaults, ClassWeighting.None);
}
