namespace Dashboard.Core.Resampling;

/// <summary>Limits of the resampling engine; the defaults suit a shared 2-core server.</summary>
public sealed record ResamplingOptions
{
    /// <summary>The highest share an upward move may reach; a higher request is clamped and reported.</summary>
    public double MaxShare { get; init; } = 0.95;

    /// <summary>The most synthetic rows one call may hold in all, so a tiny group pushed to 95 % cannot exhaust memory.</summary>
    public int MaxSyntheticRows { get; init; } = 2_000_000;

    /// <summary>
    /// Pools (a group's rows of one class, or the rows a cleaning method compares against) up to this size are searched
    /// exactly; a larger pool is searched in a seeded random sample of this many rows, and the report says so.
    /// </summary>
    public int ExactSearchLimit { get; init; } = 50_000;

    /// <summary>
    /// Neighbour lists kept for the session (e.g. one per data set and split), so a slider that moves again searches only
    /// rows it has not searched before; null searches afresh every time. Results are the same either way.
    /// </summary>
    public NeighbourCache? Neighbours { get; init; }

    public static ResamplingOptions Default { get; } = new();
}
