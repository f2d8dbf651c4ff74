using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Random forest (Breiman 2001): each tree grows on its own bootstrap sample of the training rows and its own random
/// share of the features, leaf by leaf up to a number of leaves (<see cref="LeafwiseTreeGrower"/>, weighted Gini on
/// binned features), and the forest's probability is the mean of the trees' leaf shares of positive rows, as
/// scikit-learn's RandomForestClassifier. Until issue 16 this seat was ML.NET's FastForest with Platt calibration, and
/// its fit took 3-6 times LightGBM's: FastForest copies the rows into its own dataset, bins them and calibrates on every
/// fit, and its histograms cover every row of every feature. Here the rows are binned once per fit, a node's
/// histogram costs each of its rows only the bins that differ from their column's most common one, and only the
/// smaller child of a split is counted: 3-8x faster than FastForest on the bundled sets, about LightGBM's fit, at a
/// test ROC AUC within 0.01 of FastForest's (docs/benchmarks.md, "Random forest seat (issue 16)"). LightGBM's own
/// random-forest mode would have been the other candidate, but ML.NET's LightGBM trainer does not offer it. The settings keep
/// FastForest's names and meanings: trees, leaves per tree, the share of features each tree may use, and its fixed
/// minimum of 10 rows per leaf. Being our own trees, the probabilities need no calibration step, class weights weigh
/// every row's share in the leaves (Platt's step used to refit the probabilities on unweighted rows), and the column
/// ranking and TreeSHAP read the trees directly.
/// </summary>
internal static class RandomForestAlgorithm
{
    /// <summary>FastForest's default minimum, which the seat always used: distinct training rows per leaf.</summary>
    public const int MinRowsPerLeaf = 10;

    private static readonly HyperparameterSpec Trees = new("trees", "Trees", HyperparameterKind.Integer, 10, 500, 100,
        "How many independent trees vote, each on its own random sample of the rows: more trees give steadier scores and take longer.");
    private static readonly HyperparameterSpec Leaves = new("leaves", "Leaves per tree", HyperparameterKind.Integer, 2, 256, 31,
        "How many end nodes each tree may have: the split that helps most is made next until a tree has this many.");
    private static readonly HyperparameterSpec FeatureFraction = new("featureFraction", "Feature fraction", HyperparameterKind.Real, 0.1, 1, 0.7,
        "The share of features each tree may look at: lower values make the trees more different from each other.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "random-forest", "Random forest", "random forest", [Trees, Leaves, FeatureFraction], Train)
    {
        SpreadsOverSpareCores = true,
    };

    /// <summary>The forest's settings from the seat's values (the regressor passes its own specs, with other defaults).</summary>
    public static ForestOptions Options(HyperparameterValues values, HyperparameterSpec trees, HyperparameterSpec leaves, HyperparameterSpec featureFraction) =>
        new(values.GetInt(trees), values.GetInt(leaves), values.Get(featureFraction), MinRowsPerLeaf);

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var labels = input.Labels;
        var classWeights = input.ClassWeight.WeightsFor(labels);
        var targets = labels.Select(l => l == 1 ? 1.0 : 0.0).ToArray();
        var rowWeights = labels.Select(l => l == 1 ? classWeights.Positive : classWeights.Negative).ToArray();
        var trees = LeafwiseForest.Grow(input.Features, targets, rowWeights, Options(input.Hyperparameters, Trees, Leaves, FeatureFraction),
            input.Seed, "random-forest", cancellationToken, input.SpareCore);
        return new TreeEnsembleClassifier(trees, input.Features.Columns);
    }
}
