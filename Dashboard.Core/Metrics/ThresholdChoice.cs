namespace Dashboard.Core.Metrics;

/// <summary>The threshold that maximised a metric on validation rows, and the value it reached there.</summary>
/// <param name="Metric">The metric that was maximised.</param>
/// <param name="Threshold">Call a row positive when its score is at or above this; it is one of the validation scores.</param>
/// <param name="Value">The metric's value on the validation rows at <paramref name="Threshold"/> (optimistic for new rows).</param>
public sealed record ThresholdChoice(MetricId Metric, double Threshold, double Value);
