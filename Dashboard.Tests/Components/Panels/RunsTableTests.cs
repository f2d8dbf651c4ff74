using Bunit;
using Dashboard.Components.Panels;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;

namespace Dashboard.Tests.Components.Panels;

/// <summary>The runs table keeps every run under its own number, a page at a time, each row with the sliders it was made with.</summary>
public class RunsTableTests : ComponentTest
{
    private static RoomView WithRuns(int runs)
    {
        var metrics = TestResults.MetricsAt(TestResults.GoodScores, 0.5);
        var history = Enumerable.Range(1, runs).SelectMany(n => RoomDefaults.Algorithms().Select(a =>
            new HistoryPoint($"run{n}", a.AlgorithmId, "class", "class 'yes'", 0.3 + n / 100.0, metrics, Leaky: false)
            {
                RunNumber = n,
                Settings = $"class 'yes' {30 + n}.0%",
            })).ToArray();
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [], RoomDefaults.Algorithms());
        return new RoomView { State = state, History = history };
    }

    private static string[] Numbers(IRenderedComponent<RunsTable> cut) => cut.FindAll(".run-number").Select(c => c.TextContent).ToArray();

    [Fact]
    public void Render_23Runs_NewestTenFirst_OlderPagesKeepTheirNumbers()
    {
        var cut = Context.Render<RunsTable>(p => p.Add(c => c.Snapshot, WithRuns(23)));

        Assert.Equal(["23", "22", "21", "20", "19", "18", "17", "16", "15", "14"], Numbers(cut));
        Assert.Equal("page 1 of 3 · 23 runs", cut.Find(".runs-page").TextContent);
        Assert.Equal("class 'yes' 53.0%", cut.Find(".run-settings").TextContent);

        cut.Find(".runs-older").Click();
        cut.Find(".runs-older").Click();

        Assert.Equal(["3", "2", "1"], Numbers(cut));
        Assert.True(cut.Find(".runs-older").HasAttribute("disabled"));
    }
}
