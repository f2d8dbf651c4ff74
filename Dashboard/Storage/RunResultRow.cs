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

    /// <summary>The run's costs of a false negative and a false positive when it started.</summary>
    public CostMatrix Costs { get; init; } = CostMatrix.Equal;

    /// <summary>Expected cost per test row at the stored threshold for the run's costs; null for a failed algorithm or a regressor (no mistakes to count).</summary>
    public double? ExpectedCost => Metrics is { } metrics ? Costs.ExpectedCost(metrics.Confusion) : null;

    /// <summary>One metric's value, or null for a failed algorithm.</summary>
    public double? Get(MetricId metric) => Metrics?.Get(metric);
}
