namespace Dashboard.Core.Metrics;

/// <summary>
/// One-call entry points for binary metrics. For several thresholds on the same scores, build a
/// <see cref="ScoredPredictions"/> once instead: each call here sorts the scores again.
/// </summary>
public static class MetricsCalculator
{
    /// <summary>
    /// Every metric at <paramref name="threshold"/>. Labels: 1 positive, 0 negative. Scores: the positive
    /// class's probability. A row is predicted positive when its score is at or above the threshold.
    /// </summary>
    public static BinaryMetrics Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = 0.5) =>
        new ScoredPredictions(labels, scores).MetricsAt(threshold);

    /// <summary>
    /// The threshold that maximises <paramref name="metric"/> on validation rows; see
    /// <see cref="ScoredPredictions.BestThreshold"/> for the tie rule.
    /// </summary>
    public static ThresholdChoice BestThreshold(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, MetricId metric = MetricId.F1) =>
        new ScoredPredictions(labels, scores).BestThreshold(metric);

    /// <summary>
    /// F-beta: the weighted harmonic mean of precision and recall, recall counting beta² times as much:
    /// (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP). β = 0 gives precision, β = ∞ recall; 0 when
    /// TP + FP + FN = 0 (sklearn's zero_division=0).
    /// </summary>
    public static double FBeta(ConfusionMatrix confusion, double beta)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (double.IsNaN(beta) || beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "Beta must be zero or positive.");
        }
        return confusion.ToCounts().FBeta(beta);
    }

    /// <summary>
    /// <paramref name="count"/> evenly spaced thresholds from 0 to 1 inclusive (i / (count − 1)), for a
    /// sensitivity/specificity chart over probabilities.
    /// </summary>
    public static double[] UniformThresholds(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var thresholds = new double[count];
        for (var i = 0; i < count; i++)
        {
            // i / (count - 1) rather than i * step: exact at both ends and at simple fractions like 0.3.
            thresholds[i] = (double)i / (count - 1);
        }
        return thresholds;
    }
}
