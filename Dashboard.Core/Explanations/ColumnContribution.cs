namespace Dashboard.Core.Explanations;

/// <summary>One original column's share of the gap between a row's score and the average score (its one-hot slots summed).</summary>
/// <param name="Contribution">Positive pushes this row's score up (toward the positive class), negative pushes it down.</param>
/// <param name="StandardError">The estimate's standard error for a sampling method; null when the value is exact.</param>
public sealed record ColumnContribution(string Column, double Contribution, double? StandardError = null);
