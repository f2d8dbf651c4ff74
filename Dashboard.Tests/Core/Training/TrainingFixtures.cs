using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

/// <summary>Shared prepared data for the training tests: featurized once per test class.</summary>
internal static class TrainingFixtures
{
    private static readonly Lazy<FeaturizedSplit> BreastCancerSplit = new(() => Prepare("breast_cancer_wisconsin", "diagnosis"));
    private static readonly Lazy<FeaturizedSplit> LendingClubSplit = new(() => Prepare("lending_club", "Class"));

    public static FeaturizedSplit BreastCancer => BreastCancerSplit.Value;

    public static FeaturizedSplit LendingClub => LendingClubSplit.Value;

    public static FeaturizedSplit Prepare(string name, string target, int seed = 42)
    {
        var data = LabeledDataset.Create(TestData.Bundled(name), new TargetChoice(target));
        return FeaturizedSplit.Create(data, StratifiedSplitter.Split(data.Labels, 0.25, seed));
    }

    public static TrainingRows Baseline(FeaturizedSplit split) => TrainingRows.Baseline(split.Data, split.Split);

    /// <summary>A stand-in algorithm that waits, then scores every row with a constant: for order and cancellation tests.</summary>
    public static AlgorithmDescriptor Waiting(string id, TimeSpan wait, float score = 0.5f) =>
        new(id, id, "test double", [], (input, cancellationToken) =>
        {
            Task.Delay(wait, cancellationToken).GetAwaiter().GetResult();
            return new ConstantClassifier(score);
        });

    private sealed class ConstantClassifier(float score) : IBinaryClassifier
    {
        public float[] PredictProbabilities(FeatureMatrix features) => Enumerable.Repeat(score, features.Rows).ToArray();
    }
}
