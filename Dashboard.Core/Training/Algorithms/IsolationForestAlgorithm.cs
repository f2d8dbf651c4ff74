using Dashboard.Core.Training.OneClass;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// One-class detection with an isolation forest (<see cref="IsolationForest"/>, written here: ML.NET has none), trained
/// on the negative (normal) training rows only; a test row's score is how unusual it looks, squashed into [0, 1) so
/// that the threshold, metrics and curves work as for a classifier.
/// </summary>
internal static class IsolationForestAlgorithm
{
    private static readonly HyperparameterSpec Trees = new("trees", "Trees", HyperparameterKind.Integer, 10, 500, 100,
        "How many random isolation trees average their path lengths: more trees give steadier scores.");
    private static readonly HyperparameterSpec Subsample = new("subsample", "Rows per tree", HyperparameterKind.Integer, 16, 4096, 256,
        "How many normal rows each tree isolates (256 in the original paper and scikit-learn): more rows, deeper trees.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "isolation-forest", "Isolation forest (one-class)", "one-class detection", [Trees, Subsample], Train,
        ClassWeightNote: "Class weights do not apply: it learns from negative rows only.",
        Caption: "Never sees a positive row: it learns what a normal (negative) row looks like and scores how unusual each row is.")
    {
        Kind = AlgorithmKind.OneClass,
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var normal = NormalRows.Of(input, "The isolation forest");
        var forest = IsolationForest.Fit(normal, input.Hyperparameters.GetInt(Trees), input.Hyperparameters.GetInt(Subsample), input.Seed, cancellationToken);
        return new Detector(forest, NormalRows.Median(forest.Scores(normal)));
    }

    private sealed class Detector(IsolationForest forest, double typical) : IBinaryClassifier
    {
        public float[] PredictProbabilities(FeatureMatrix features) => NormalRows.Squash(forest.Scores(features), typical);
    }
}
