using Dashboard.Core.Metrics;

namespace Dashboard.Storage;

/// <summary>One algorithm of one stored run, as the history grid lists it (no curves or scores).</summary>
/// <param name="Metrics">Null for an algorithm that failed in the run.</param>
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
    BinaryMetrics? Metrics)
{
    /// <summary>For a numeric target: R² and the errors (then <see cref="Metrics"/> is null).</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>One metric's value, or null for a failed algorithm.</summary>
    public double? Get(MetricId metric) => Metrics?.Get(metric);
}
