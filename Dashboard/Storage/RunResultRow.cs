using Dashboard.Core.Metrics;

namespace Dashboard.Storage;

/// <summary>One algorithm of one stored run, as the history grid lists it (no curves or scores).</summary>
public sealed record RunResultRow(
    string RunId,
    DateTimeOffset CompletedAt,
    string RoomCode,
    string? StartedBy,
    string Reason,
    string DatasetName,
    bool Leaky,
    string AlgorithmId,
    string AlgorithmName,
    string Status,
    double? Threshold,
    int? TruePositives,
    int? FalsePositives,
    int? TrueNegatives,
    int? FalseNegatives,
    double? Accuracy,
    double? Precision,
    double? Recall,
    double? Specificity,
    double? F1,
    double? F2,
    double? BalancedAccuracy,
    double? GeometricMean,
    double? Mcc,
    double? RocAuc,
    double? PrAuc)
{
    /// <summary>One metric's value, or null for a failed algorithm.</summary>
    public double? Get(MetricId metric) => metric switch
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
}
