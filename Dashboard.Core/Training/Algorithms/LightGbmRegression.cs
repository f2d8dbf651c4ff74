using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Gradient boosting for a numeric target: ML.NET's LightGBM regression (squared loss), single-threaded and deterministic.</summary>
internal static class LightGbmRegression
{
    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "lightgbm", "LightGBM regression", "gradient boosting", LightGbmAlgorithm.Descriptor.Hyperparameters, Train);

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var spec = LightGbmAlgorithm.Descriptor.Spec;
        return MlNetRegression.Fit(input, cancellationToken, ml => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            NumberOfIterations = hp.GetInt(spec("iterations")),
            NumberOfLeaves = hp.GetInt(spec("leaves")),
            LearningRate = hp.Get(spec("learningRate")),
            MinimumExampleCountPerLeaf = hp.GetInt(spec("minRowsPerLeaf")),
            // As for classification: explicit single thread and determinism, or fits spin at OpenMP barriers.
            NumberOfThreads = 1,
            Deterministic = true,
            Seed = input.Seed,
            Silent = true,
            Verbose = false,
        }));
    }
}
