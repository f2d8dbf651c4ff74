namespace Dashboard.Core.Metrics;

/// <summary>Names one binary-classification metric; <see cref="MetricCatalog"/> says what each means.</summary>
public enum MetricId
{
    Accuracy,
    Precision,
    Recall,
    Specificity,
    F1,
    F2,
    BalancedAccuracy,
    GeometricMean,
    Mcc,
    RocAuc,
    PrAuc,
}
