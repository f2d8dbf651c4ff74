using Dashboard.Core.Training;
using Dashboard.Core.Training.Algorithms;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The regression seat as it was before issue 16, kept as the reference the new forest's R² is held to:
/// ML.NET's FastForest regression (the mean of the trees' leaf values), single-threaded.
/// Its defaults differ from the classifier's: every feature per tree, as scikit-learn's RandomForestRegressor
/// (max_features = 1.0), and deeper trees. On ames (seed 42) 31 leaves and a 0.7 feature fraction gave test R² 0.860,
/// 128 leaves and all features 0.883 (scikit-learn: 0.893), 256 leaves no more.
/// </summary>
internal static class FastForestRegressionReference
{
    private static readonly HyperparameterSpec Trees = RandomForestAlgorithm.Descriptor.Spec("trees");
    private static readonly HyperparameterSpec Leaves = RandomForestAlgorithm.Descriptor.Spec("leaves") with { Default = 128 };
    private static readonly HyperparameterSpec FeatureFraction = RandomForestAlgorithm.Descriptor.Spec("featureFraction") with { Default = 1 };

    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "random-forest", "Random forest regression", "random forest", [Trees, Leaves, FeatureFraction], Train);

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        return MlNetRegression.Fit(input, cancellationToken, ml => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            NumberOfTrees = hp.GetInt(Trees),
            NumberOfLeaves = hp.GetInt(Leaves),
            FeatureFraction = hp.Get(FeatureFraction),
            NumberOfThreads = 1,
            Seed = input.Seed,
        }));
    }
}
