using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Random forest for a numeric target: ML.NET's FastForest regression (the mean of the trees' leaf values), single-threaded.</summary>
internal static class FastForestRegression
{
    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "random-forest", "Random forest regression", "random forest", FastForestAlgorithm.Descriptor.Hyperparameters, Train);

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var spec = FastForestAlgorithm.Descriptor.Spec;
        return MlNetRegression.Fit(input, cancellationToken, ml => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            NumberOfTrees = hp.GetInt(spec("trees")),
            NumberOfLeaves = hp.GetInt(spec("leaves")),
            FeatureFraction = hp.Get(spec("featureFraction")),
            NumberOfThreads = 1,
            Seed = input.Seed,
        }));
    }
}
