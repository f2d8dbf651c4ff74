namespace Dashboard.Core.Resampling;

/// <summary>
/// The rows a slider position asks for, known before any run: what a readout can say while the
/// thumb is still moving. The same arithmetic the resampler plans with (<see cref="TargetCounts"/>).
/// </summary>
public static class SliderRows
{
    /// <summary>
    /// Rows a group of <paramref name="groupRows"/> next to <paramref name="otherRows"/> other rows gains (positive: synthetic
    /// rows) or loses (negative) to make up <paramref name="share"/> of them, before the resampler's caps.
    /// </summary>
    public static long ChangeFor(double share, int groupRows, int otherRows) =>
        share <= 0 ? -groupRows : TargetCounts.GroupRowsFor(share, otherRows) - groupRows;
}
