namespace Dashboard.Core.Data;

/// <summary>
/// R's <c>boxplot.stats</c>: Tukey's hinges (R's <c>fivenum</c>, the medians of the lower and upper halves,
/// the middle value counted in both), the whisker ends (the most extreme values within coef times the hinge
/// spread of the hinges) and whether any value lies beyond them.
/// </summary>
internal readonly record struct BoxplotStats(double LowWhisker, double LowerHinge, double Median, double UpperHinge, double HighWhisker,
    bool HasLowExtremes, bool HasHighExtremes)
{
    /// <param name="sorted">Finite values in ascending order, at least one.</param>
    public static BoxplotStats Of(double[] sorted, double coef)
    {
        var n = sorted.Length;
        // fivenum: n4 = floor((n + 3) / 2) / 2; hinges at 1-based positions n4 and n + 1 - n4, halves averaged.
        var n4 = Math.Floor((n + 3) / 2.0) / 2;
        double At(double position) => 0.5 * (sorted[(int)Math.Floor(position) - 1] + sorted[(int)Math.Ceiling(position) - 1]);
        var lower = At(n4);
        var median = At((n + 1) / 2.0);
        var upper = At(n + 1 - n4);
        var reach = coef * (upper - lower);
        var (lowFence, highFence) = (lower - reach, upper + reach);
        var lowWhisker = sorted.First(v => v >= lowFence);
        var highWhisker = sorted.Last(v => v <= highFence);
        return new BoxplotStats(lowWhisker, lower, median, upper, highWhisker, sorted[0] < lowFence, sorted[^1] > highFence);
    }
}
