namespace Dashboard.Core.Data;

/// <summary>
/// What the user chose to predict: the target column, its positive class (null = the minority class),
/// and the columns left out of the features (null = the defaults: identifier-like columns, plus a
/// bundled data set's own exclusions).
/// </summary>
public sealed record TargetChoice(string TargetColumn, string? PositiveClass = null, IReadOnlyList<string>? ExcludedColumns = null);
