namespace Dashboard.Core.Data;

/// <summary>A summary of a data set for the profile panel and the `profile` verb.</summary>
public sealed record DatasetProfile(
    string DatasetName,
    int RowCount,
    string? Target,
    string? PositiveClass,
    IReadOnlyList<ClassCount> ClassCounts,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Classification or regression; null when no target is chosen.</summary>
    public TargetTask? Task { get; init; }

    /// <summary>Why the task is what it is (see <see cref="LabeledDataset.TaskReason"/>).</summary>
    public string? TaskReason { get; init; }

    /// <summary>For regression: the relevance function's control points in words, and its rare threshold.</summary>
    public string? Relevance { get; init; }
}
