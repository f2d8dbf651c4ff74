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
    long PeakWorkingSetBytes);
