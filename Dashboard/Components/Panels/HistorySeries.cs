using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;

namespace Dashboard.Components.Panels;

/// <summary>
/// Which history points the chart draws for a slider: one series per (slider, focus group), since
/// after the group changes the shares are of other rows and the old points would sit on the wrong
/// axis; the baseline belongs to every series. On the class-balance track each algorithm has two
/// lines over the minority's share, one per side, both starting at the baseline: "which is better
/// here, removing majority rows or adding synthetic minority rows?"
/// </summary>
public static class HistorySeries
{
    public const string UndersamplingLine = "undersampling the majority";
    public const string OversamplingLine = "SMOTE on the minority";

    /// <summary>The same two lines for a numeric target's rare values.</summary>
    public const string CommonUndersamplingLine = "undersampling the common values";
    public const string RareOversamplingLine = "SMOTER on the rare values";

    /// <summary>Whether a line is drawn dashed: the balance track's undersampling side, for classes or a numeric target.</summary>
    public static bool IsUndersampling(string? line) => line is UndersamplingLine or CommonUndersamplingLine;

    /// <param name="group">The slider's current focus group as described ("class 'yes'", "gender = female").</param>
    public static bool Belongs(HistoryPoint point, string sliderId, string group) =>
        point.SliderId is null || (point.SliderId == sliderId && point.SliderLabel == group);

    /// <summary>
    /// As <see cref="Belongs(HistoryPoint, string, string)"/> for a slider as it stands: the balance track keeps only
    /// points that know their side, the free control on the same class only points that do not (the two measure
    /// the same class's share by different means, and must not be joined).
    /// </summary>
    public static bool Belongs(HistoryPoint point, SliderState slider, string group) =>
        Belongs(point, slider.Id, group) && (point.SliderId is null || point.Side is not null == slider.IsBalanceTrack);

    /// <summary>The lines a point is drawn on: its side's on the balance track (the baseline on both), else the algorithm's one line (null).</summary>
    /// <param name="regression">For a numeric target the lines are named for its common and rare values.</param>
    public static IReadOnlyList<string?> LinesOf(HistoryPoint point, SliderState slider, bool regression = false)
    {
        if (!slider.IsBalanceTrack) return [null];
        var (under, over) = regression ? (CommonUndersamplingLine, RareOversamplingLine) : (UndersamplingLine, OversamplingLine);
        return point.Side switch
        {
            ClassBalanceSide.UndersampleMajority => [under],
            ClassBalanceSide.OversampleMinority => [over],
            _ => [under, over],
        };
    }
}
