using Dashboard.Core.Rooms;

namespace Dashboard.Components.Panels;

/// <summary>
/// Which history points the chart draws for a slider: one series per (slider, focus group), since
/// after the group changes the shares are of other rows and the old points would sit on the wrong
/// axis; the baseline belongs to every series.
/// </summary>
public static class HistorySeries
{
    /// <param name="group">The slider's current focus group as described ("class 'yes'", "gender = female").</param>
    public static bool Belongs(HistoryPoint point, string sliderId, string group) =>
        point.SliderId is null || (point.SliderId == sliderId && point.SliderLabel == group);
}
