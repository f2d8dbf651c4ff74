namespace Dashboard.Core.Metrics;

/// <summary>One regression number: its short label, what it means, and whether a higher value is better.</summary>
public sealed record RegressionMetricInfo(RegressionMetricId Id, string Label, string Meaning, bool HigherIsBetter);
