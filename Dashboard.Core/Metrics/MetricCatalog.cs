namespace Dashboard.Core.Metrics;

/// <summary>The description of every <see cref="MetricId"/>, in enum order: the text behind the UI's metric tooltips.</summary>
public static class MetricCatalog
{
    /// <summary>Every metric, in <see cref="MetricId"/> order.</summary>
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new(MetricId.Accuracy, "Accuracy",
            "The share of all rows the model got right; on imbalanced data it looks good even when every minority row is missed.",
            "(TP + TN) / (TP + FP + TN + FN)",
            "Never, once there is at least one row.",
            DependsOnThreshold: true),
        new(MetricId.Precision, "Precision",
            "Of the rows the model called positive, the share that really are positive.",
            "TP / (TP + FP)",
            "No row is called positive: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.Recall, "Recall (sensitivity)",
            "Of the rows that really are positive, the share the model found.",
            "TP / (TP + FN)",
            "No row is positive: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.Specificity, "Specificity",
            "Of the rows that really are negative, the share the model correctly left alone.",
            "TN / (TN + FP)",
            "No row is negative: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.F1, "F1 score",
            "A single score that is high only when precision and recall are both high (their harmonic mean).",
            "2·TP / (2·TP + FP + FN)",
            "Every row is a true negative: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.F2, "F2 score",
            "Like F1, but recall counts four times as much as precision, for when missing a positive is worse than a false alarm.",
            "5·TP / (5·TP + 4·FN + FP)",
            "Every row is a true negative: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.BalancedAccuracy, "Balanced accuracy",
            "Accuracy as if both classes were equally common: the average of recall and specificity.",
            "(TP / (TP + FN) + TN / (TN + FP)) / 2",
            "Only one class in the labels: shown as that class's recall.",
            DependsOnThreshold: true),
        new(MetricId.GeometricMean, "Geometric mean (G-mean)",
            "High only when the model does well on both classes at once; a model that ignores one class scores 0.",
            "√(TP / (TP + FN) · TN / (TN + FP))",
            "Only one class in the labels: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.Mcc, "Matthews correlation (MCC)",
            "How well predictions agree with the labels, from -1 (always wrong) through 0 (no better than chance) to 1 (perfect), fair even when classes are imbalanced.",
            "(TP·TN − FP·FN) / √((TP + FP)(TP + FN)(TN + FP)(TN + FN))",
            "Only one class in the labels or in the predictions: shown as 0.",
            DependsOnThreshold: true),
        new(MetricId.RocAuc, "ROC AUC",
            "The chance that a randomly picked positive row gets a higher score than a randomly picked negative row (0.5 is guessing, 1 is perfect).",
            "Area under the curve of TP / (TP + FN) against FP / (FP + TN) as the threshold falls; tied scores count half.",
            "Only one class in the labels: shown as 0.5.",
            DependsOnThreshold: false),
        new(MetricId.PrAuc, "PR AUC (average precision)",
            "How precise the model stays while it finds more and more of the positives; guessing scores about the share of positive rows.",
            "Σ (Rₙ − Rₙ₋₁) · Pₙ over the thresholds from high to low (R = recall, P = precision).",
            "No row is positive: shown as 0.",
            DependsOnThreshold: false),
    ];

    /// <summary>The description of one metric.</summary>
    public static MetricInfo Get(MetricId id)
    {
        foreach (var info in All)
        {
            if (info.Id == id) return info;
        }
        throw new ArgumentOutOfRangeException(nameof(id), id, "Not a known metric.");
    }
}
