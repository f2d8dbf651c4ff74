using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Components.Shared;

/// <summary>
/// A result's metrics at the threshold the user picked, recomputed from its stored test scores
/// (the test rows are the same for every run, so their labels come from the split), never by
/// retraining. Falls back to the metrics the result was trained with when the labels are missing.
/// </summary>
public static class ThresholdMetrics
{
    /// <summary>True for a result with metrics to show.</summary>
    public static bool HasMetrics(AlgorithmResult result) => result.Status == AlgorithmStatus.Completed && result.Metrics is not null;

    /// <summary>Sorted scores of a result, or null when they cannot be matched to the labels.</summary>
    public static ScoredPredictions? Predictions(AlgorithmResult? result, IReadOnlyList<int>? testLabels)
    {
        if (result is null || !HasMetrics(result) || testLabels is null) return null;
        if (testLabels.Count == 0 || testLabels.Count != result.TestScores.Count) return null;
        return new ScoredPredictions(testLabels.ToArray(), result.TestScores.ToArray());
    }

    /// <summary>The result's metrics at its threshold from <paramref name="thresholds"/> (by algorithm id), else at the one it was scored with.</summary>
    public static BinaryMetrics? At(AlgorithmResult result, IReadOnlyList<int>? testLabels, IReadOnlyDictionary<string, double>? thresholds)
    {
        if (!HasMetrics(result)) return null;
        if (thresholds is null || !thresholds.TryGetValue(result.AlgorithmId, out var threshold) || threshold == result.Metrics!.Threshold)
        {
            return result.Metrics;
        }
        return Predictions(result, testLabels)?.MetricsAt(threshold) ?? result.Metrics;
    }
}
