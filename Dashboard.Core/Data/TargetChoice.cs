namespace Dashboard.Core.Data;

/// <summary>
/// What the user chose to predict: the target column, its positive class (null = the minority class),
/// the columns left out of the features (null = the defaults: identifier-like columns, plus a
/// bundled data set's own exclusions), and the task (null = chosen from the target: a numeric target
/// with more distinct values than a class target may have is predicted as a number).
/// </summary>
public sealed record TargetChoice(string TargetColumn, string? PositiveClass = null, IReadOnlyList<string>? ExcludedColumns = null,
    TargetTask? Task = null)
{
    /// <summary>
    /// For a numeric target: the relevance a value must reach to count as rare (null: UBL's default, 0.5; see
    /// <see cref="RelevanceFunction"/>). Ignored for classes.
    /// </summary>
    public double? RelevanceThreshold { get; init; }
}
