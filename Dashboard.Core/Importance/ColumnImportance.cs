namespace Dashboard.Core.Importance;

/// <summary>
/// How much one original column matters to a model: the mean drop of a test metric when the
/// column's values are shuffled across the test rows, with the spread over the repeats.
/// </summary>
/// <param name="MeanDrop">Mean over repeats of (metric with real values - metric with the column shuffled); near 0 = unused.</param>
/// <param name="StandardDeviation">Spread of the drop over the repeats (population standard deviation).</param>
public sealed record ColumnImportance(string Column, double MeanDrop, double StandardDeviation, IReadOnlyList<double> Drops);
