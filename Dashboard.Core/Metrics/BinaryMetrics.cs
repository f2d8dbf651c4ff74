namespace Dashboard.Core.Metrics;

/// <summary>
/// A binary classifier's scores on a set of rows, summarised at one threshold, with scikit-learn's
/// and imbalanced-learn's definitions. Label 1 is positive; a row is predicted positive when its
/// score is at or above <see cref="Threshold"/>. A metric whose formula divides by zero gets a
/// defined value (never NaN) and is listed in <see cref="Undefined"/>, so the UI can show "n/a".
/// </summary>
/// <param name="Threshold">The score at or above which a row counts as predicted positive.</param>
/// <param name="Confusion">The counts every threshold metric is computed from.</param>
/// <param name="Accuracy">Share of all rows classified correctly: (TP + TN) / (TP + FP + TN + FN). Misleading on imbalanced data.</param>
/// <param name="Precision">Of the rows called positive, the share that are positive: TP / (TP + FP); 0 when nothing is called positive.</param>
/// <param name="Recall">Sensitivity: of the positive rows, the share found: TP / (TP + FN); 0 when there are no positive rows.</param>
/// <param name="Specificity">Of the negative rows, the share called negative: TN / (TN + FP); 0 when there are no negative rows.</param>
/// <param name="F1">Harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN); 0 when TP + FP + FN = 0.</param>
/// <param name="F2">F-beta with beta = 2, recall weighted four times as much as precision: 5·TP / (5·TP + 4·FN + FP).</param>
/// <param name="BalancedAccuracy">Mean of recall and specificity: (TPR + TNR) / 2. With one class in the labels, that class's recall (as sklearn).</param>
/// <param name="GeometricMean">sqrt(recall · specificity), as imblearn's geometric_mean_score for binary labels; 0 when a class is missing.</param>
/// <param name="Mcc">Matthews correlation between labels and predictions, -1 to 1: (TP·TN − FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)); 0 when a factor is 0.</param>
/// <param name="RocAuc">
/// Area under the ROC curve: the probability that a random positive row scores above a random
/// negative one (ties count half). Threshold-free. <see cref="ScoredPredictions.UndefinedRocAuc"/> (0.5) when a class is missing.
/// </param>
/// <param name="PrAuc">
/// Average precision, as sklearn's average_precision_score: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds
/// from high to low. Threshold-free; 0 when there are no positive rows.
/// </param>
/// <param name="SupportPositive">Number of positive rows (TP + FN).</param>
/// <param name="SupportNegative">Number of negative rows (TN + FP).</param>
/// <param name="Undefined">The metrics whose formula divided by zero here, in <see cref="MetricId"/> order; empty when all are defined.</param>
public sealed record BinaryMetrics(
    double Threshold,
    ConfusionMatrix Confusion,
    double Accuracy,
    double Precision,
    double Recall,
    double Specificity,
    double F1,
    double F2,
    double BalancedAccuracy,
    double GeometricMean,
    double Mcc,
    double RocAuc,
    double PrAuc,
    int SupportPositive,
    int SupportNegative,
    IReadOnlyList<MetricId> Undefined)
{
    private static readonly MetricId[] AllMetrics = Enum.GetValues<MetricId>();

    /// <summary>The value of one metric, for code that walks <see cref="MetricCatalog.All"/>.</summary>
    public double Get(MetricId metric) => metric switch
    {
        MetricId.Accuracy => Accuracy,
        MetricId.Precision => Precision,
        MetricId.Recall => Recall,
        MetricId.Specificity => Specificity,
        MetricId.F1 => F1,
        MetricId.F2 => F2,
        MetricId.BalancedAccuracy => BalancedAccuracy,
        MetricId.GeometricMean => GeometricMean,
        MetricId.Mcc => Mcc,
        MetricId.RocAuc => RocAuc,
        MetricId.PrAuc => PrAuc,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>False when the metric's formula divided by zero and its value is only a convention.</summary>
    public bool IsDefined(MetricId metric) => !Undefined.Contains(metric);

    internal static BinaryMetrics From(double threshold, ConfusionCounts counts, double rocAuc, double prAuc) => new(
        threshold,
        counts.ToMatrix(),
        counts.Accuracy,
        counts.Precision,
        counts.Recall,
        counts.Specificity,
        counts.FBeta(1),
        counts.FBeta(2),
        counts.BalancedAccuracy,
        counts.GeometricMean,
        counts.Mcc,
        rocAuc,
        prAuc,
        checked((int)counts.Positives),
        checked((int)counts.Negatives),
        UndefinedIn(counts));

    private static MetricId[] UndefinedIn(ConfusionCounts counts)
    {
        // Counted first so the usual all-defined case allocates nothing.
        var undefined = 0;
        foreach (var metric in AllMetrics)
        {
            if (!counts.IsDefined(metric)) undefined++;
        }
        if (undefined == 0) return [];
        var result = new MetricId[undefined];
        var next = 0;
        foreach (var metric in AllMetrics)
        {
            if (!counts.IsDefined(metric)) result[next++] = metric;
        }
        return result;
    }
}
