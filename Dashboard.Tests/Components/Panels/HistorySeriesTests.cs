using Dashboard.Components.Panels;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;

namespace Dashboard.Tests.Components.Panels;

public class HistorySeriesTests
{
    private static HistoryPoint Point(string? sliderId, string group) =>
        new("r", "svm", sliderId, group, 0.4, TestResults.MetricsAt(TestResults.GoodScores, 0.5), Leaky: false);

    [Fact]
    public void Belongs_FocusGroupChanged_OldGroupsPointsLeaveTheSeriesBaselineStays()
    {
        Assert.True(HistorySeries.Belongs(Point("class", "class 'yes'"), "class", "class 'yes'"));
        Assert.False(HistorySeries.Belongs(Point("class", "class 'no'"), "class", "class 'yes'"));
        Assert.False(HistorySeries.Belongs(Point("feature:gender", "gender = female"), "class", "class 'yes'"));
        Assert.True(HistorySeries.Belongs(Point(null, "baseline"), "class", "class 'yes'"));
    }

    [Fact]
    public void BalanceTrack_TwoLinesPerAlgorithm_BaselineOnBoth_FreeControlPointsLeft()
    {
        var track = SliderState.BalanceTrack("class", new ClassGroup(1));
        var under = Point("class", "class 'yes'") with { Side = ClassBalanceSide.UndersampleMajority };
        var smote = Point("class", "class 'yes'") with { Side = ClassBalanceSide.OversampleMinority };
        var free = Point("class", "class 'yes'");
        var baseline = Point(null, "baseline");

        Assert.Equal([HistorySeries.UndersamplingLine], HistorySeries.LinesOf(under, track));
        Assert.Equal([HistorySeries.OversamplingLine], HistorySeries.LinesOf(smote, track));
        Assert.Equal([HistorySeries.UndersamplingLine, HistorySeries.OversamplingLine], HistorySeries.LinesOf(baseline, track));
        Assert.True(HistorySeries.Belongs(under, track, "class 'yes'"));
        Assert.False(HistorySeries.Belongs(free, track, "class 'yes'")); // the free control's share of the same class: another series
        // The free control draws one line and leaves the track's points out.
        var freeSlider = new SliderState("class", new ClassGroup(1), 0.3);
        Assert.Equal([null], HistorySeries.LinesOf(free, freeSlider));
        Assert.False(HistorySeries.Belongs(under, freeSlider, "class 'yes'"));
        Assert.True(HistorySeries.Belongs(free, freeSlider, "class 'yes'"));
    }
}
