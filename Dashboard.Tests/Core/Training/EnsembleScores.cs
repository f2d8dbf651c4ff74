using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

/// <summary>Trains a catalog algorithm on a split's training rows and scores its test rows.</summary>
internal static class EnsembleScores
{
    public static float[] Fit(FeaturizedSplit split, string algorithm, int seed, HyperparameterValues? hyperparameters = null, ClassWeighting? weighting = null)
    {
        var rows = TrainingFixtures.Baseline(split);
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, hyperparameters ?? HyperparameterValues.Defaults,
            weighting ?? ClassWeighting.None, seed);
        return AlgorithmCatalog.Get(algorithm).Train(input, CancellationToken.None).PredictProbabilities(split.Test);
    }
}
