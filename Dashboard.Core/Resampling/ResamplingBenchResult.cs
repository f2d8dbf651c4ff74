namespace Dashboard.Core.Resampling;

/// <summary>
/// One benchmark measurement of the resampling step alone (data generation excluded): best and median
/// wall-clock time of the runs, and the median CPU time of the process (all threads), which is the
/// steadier number on a machine shared with other work.
/// </summary>
public sealed record ResamplingBenchResult(
    int Rows,
    int Features,
    double MinorityShare,
    int SyntheticRows,
    NeighbourSearchKind Search,
    double BestSeconds,
    double MedianSeconds,
    double MedianCpuSeconds,
    long PeakWorkingSetBytes)
{
    /// <summary>Rows whose neighbours the last timed call searched.</summary>
    public int NeighboursSearched { get; init; }

    /// <summary>Rows whose neighbours the last timed call took from a warm <see cref="NeighbourCache"/>.</summary>
    public int NeighboursReused { get; init; }
}
