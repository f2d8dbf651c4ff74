namespace Dashboard.Core.Data;

/// <summary>A summary of a data set for the profile panel and the `profile` verb.</summary>
public sealed record DatasetProfile(
    string DatasetName,
    int RowCount,
    string? Target,
    string? PositiveClass,
    IReadOnlyList<ClassCount> ClassCounts,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<string> Warnings);
