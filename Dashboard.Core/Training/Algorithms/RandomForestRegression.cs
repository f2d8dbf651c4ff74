using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Random forest for a numeric target: the classifier's forest (<see cref="LeafwiseForest"/>, bootstrap and feature
/// share per tree, leaf-wise trees) splitting on the weighted squared error, each leaf predicting its rows' mean and the
/// forest the mean of its trees, as scikit-learn's RandomForestRegressor. Until issue 16 ML.NET's FastForest regression,
/// which fitted ames in 2.3-6.5 s in the dashboard's executable; this forest takes 0.2-0.3 s at the same R² (0.883,
/// docs/benchmarks.md). Its defaults differ from the classifier's: every feature per
/// tree, as scikit-learn's RandomForestRegressor (max_features = 1.0), and deeper trees. On ames (seed 42) FastForest
/// with 31 leaves and a 0.7 feature fraction gave test R² 0.860, 128 leaves and all features 0.883 (scikit-learn: 0.893),
/// 256 leaves no more. The targets are centred on their mean first, so the squared sums stay small next to their differences.
/// On large training sets each tree's bootstrap draws at most <see cref="MaxDrawsPerTree"/> rows (scikit-learn's
/// max_samples): see there.
/// </summary>
internal static class RandomForestRegression
{
    private static readonly HyperparameterSpec Trees = RandomForestAlgorithm.Descriptor.Spec("trees");
    private static readonly HyperparameterSpec Leaves = RandomForestAlgorithm.Descriptor.Spec("leaves") with { Default = 128 };
    private static readonly HyperparameterSpec FeatureFraction = RandomForestAlgorithm.Descriptor.Spec("featureFraction") with { Default = 1 };

    /// <summary>
    /// Rows drawn per tree at most. With 150,000 training rows of the 200,000-row synthetic set a tree of at most 256
    /// leaves cannot use the full bootstrap (each leaf would average hundreds of rows), and drawing 20,000 both
    /// decorrelates the trees and cuts the fit: scikit-learn's RandomForestRegressor(max_leaf_nodes=256) there, 10 trees,
    /// R² 0.258 in 35.5 s with the full bootstrap, 0.296 in 3.6 s with max_samples=20000 (docs/benchmarks.md). Sets of up
    /// to 20,000 training rows (ames, every bundled set) are not affected.
    /// </summary>
    internal const int MaxDrawsPerTree = 20_000;

    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "random-forest", "Random forest regression", "random forest", [Trees, Leaves, FeatureFraction], Train) with
    {
        SpreadsOverSpareCores = true,
    };

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var mean = input.Targets.Count > 0 ? input.Targets.Average() : 0;
        var centred = input.Targets.Select(y => y - mean).ToArray();
        var trees = LeafwiseForest.Grow(input.Features, centred, null,
            RandomForestAlgorithm.Options(input.Hyperparameters, Trees, Leaves, FeatureFraction) with { MaxDrawsPerTree = MaxDrawsPerTree }, input.Seed, "random-forest-regression", cancellationToken,
            input.SpareCore);
        return new ForestRegressor(trees, mean);
    }

    /// <summary>The mean of the trees' leaf means, plus the mean the targets were centred on.</summary>
    private sealed class ForestRegressor(DecisionTree[] trees, double offset) : IRegressor
    {
        public double[] Predict(FeatureMatrix features) => Array.ConvertAll(DecisionTree.Mean(trees, features), mean => offset + mean);
    }
}
