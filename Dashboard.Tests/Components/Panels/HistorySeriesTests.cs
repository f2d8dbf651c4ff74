using Dashboard.Components.Panels;
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
}
