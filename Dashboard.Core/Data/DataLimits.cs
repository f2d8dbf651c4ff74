namespace Dashboard.Core.Data;

/// <summary>Upper bounds on what a loaded file may hold; defaults live in appsettings.json ("DataLimits").</summary>
public sealed record DataLimits
{
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    public int MaxColumns { get; init; } = 500;

    public int MaxRows { get; init; } = 2_000_000;

    public static DataLimits Default { get; } = new();
}
