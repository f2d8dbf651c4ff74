using Bunit;
using Dashboard.Components.Panels;
using Dashboard.Core.Metrics;
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

    /// <summary>Three runs at thresholds 0.5, 0.85, 0.25: with costs 5 / 1 they cost 7/12, 15/12 and 4/12 per row.</summary>
    private static RoomView WithCostedRuns(CostMatrix costs)
    {
        double[] thresholds = [0.5, 0.85, 0.25];
        var history = thresholds.SelectMany((t, i) => RoomDefaults.Algorithms().Select(a =>
            new HistoryPoint($"run{i + 1}", a.AlgorithmId, "class", "class 'yes'", 0.3, TestResults.MetricsAt(TestResults.GoodScores, t), Leaky: false)
            {
                RunNumber = i + 1,
            })).ToArray();
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [], RoomDefaults.Algorithms()) { Costs = costs };
        return new RoomView { State = state, History = history };
    }

    [Fact]
    public void Render_RoomWithCosts_CellsAddTheExpectedCost_RankedByCostTheCheapestRunComesFirst_EachCardsCheapestInBold()
    {
        var plain = Context.Render<RunsTable>(p => p.Add(c => c.Snapshot, WithCostedRuns(CostMatrix.Equal)));
        var cut = Context.Render<RunsTable>(p => p.Add(c => c.Snapshot, WithCostedRuns(new CostMatrix(5, 1))));

        Assert.Empty(plain.FindAll(".runs-order"));
        Assert.DoesNotContain("cost", plain.Find(".runs-table thead").TextContent);
        Assert.Equal(["3", "2", "1"], Numbers(cut));
        Assert.EndsWith(" / 0.333", cut.FindAll(".runs-table tbody tr")[0].QuerySelectorAll("td")[4].TextContent);

        cut.FindAll(".runs-order button").Single(b => b.TextContent.Contains("lowest cost first")).Click();

        Assert.Equal(["3", "1", "2"], Numbers(cut));
        Assert.Equal(["0.333", "0.583", "1.250"], cut.FindAll(".runs-table tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent.Split(" / ")[2]));
        Assert.All(cut.FindAll(".runs-table tbody tr")[0].QuerySelectorAll("td").Skip(4), td => Assert.Contains("cheapest", td.ClassList));
        Assert.Empty(cut.FindAll(".runs-table tbody tr")[1].QuerySelectorAll("td.cheapest"));
    }
}
