using Bunit;
using Dashboard.Components.Explanations;
using Dashboard.Core.Data;
using Dashboard.Core.Explanations;
using Dashboard.Core.Importance;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Explanations;

public class CellRowsPanelTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private readonly List<(string AlgorithmId, int TestRow)> _asked = [];

    /// <summary>A room on titanic whose lightgbm and mlp cards score the test rows in their order, 0 to 1.</summary>
    private static RoomView Room()
    {
        var workspace = new DatasetWorkspace("Titanic", null, Titanic, DatasetProfiler.Profile(Titanic.Data.Data, Titanic.Data),
            [new ColumnImportance("gender", 0.2, 0, []), new ColumnImportance("class", 0.1, 0, []), new ColumnImportance("age", 0.05, 0, [])], "LightGBM", []);
        var labels = Titanic.TestLabels.ToArray();
        var scores = Enumerable.Range(0, labels.Length).Select(i => (double)i / labels.Length).ToArray();
        return RoomView.Opening("ABC-DEF", new DatasetChoice("titanic"), null, DateTimeOffset.UnixEpoch) with
        {
            Workspace = workspace,
            Latest = new Dictionary<string, AlgorithmResult>
            {
                ["lightgbm"] = TestResults.Completed("lightgbm", scores, labels: labels),
                ["mlp"] = TestResults.Completed("mlp", [.. scores.Reverse()], labels: labels),
            },
        };
    }

    private Task<RowExplanation> Explain(string algorithmId, int testRow, CancellationToken cancellationToken)
    {
        _asked.Add((algorithmId, testRow));
        return Task.FromResult(new RowExplanation(Titanic.Split.TestRows[testRow], algorithmId,
            algorithmId == "mlp" ? ExplanationMethod.SamplingShapley : ExplanationMethod.TreeShap, "probability", 0.4, 0.7,
            [new ColumnContribution("gender", 0.25, algorithmId == "mlp" ? 0.01 : null), new ColumnContribution("age", 0.05, algorithmId == "mlp" ? 0.02 : null)]));
    }

    [Fact]
    public void Render_FalseNegativesOfACard_ListsThemMostConfidentFirst_TenAPage_WithTheMostImportantColumns()
    {
        var room = Room();
        var result = room.Latest["lightgbm"];
        var expected = ConfusionCells.RowsIn(result.TestScores, result.TestLabels, 0.5, ConfusionCell.FalseNegative);

        var cut = Context.Render<CellRowsPanel>(p => p.Add(c => c.Snapshot, room).Add(c => c.Choice, new CellChoice("lightgbm", ConfusionCell.FalseNegative, 0.5))
            .Add(c => c.Explain, Explain));

        Assert.Equal($"{expected.Count} false negatives of LightGBM at threshold 0.500", cut.Find(".cell-rows-title").TextContent);
        Assert.Equal(["row", "LightGBM's score", "gender", "class", "age", ""], cut.FindAll(".cell-rows-table th").Select(th => th.TextContent));
        var rows = cut.FindAll("tr.cell-row");
        Assert.Equal(CellRowsPanel.PageSize, rows.Count);
        // Predicted negative: the lowest score (the most confident miss) first, which is the first test row in the cell here.
        Assert.Equal(Titanic.Split.TestRows[expected[0]].ToString(), rows[0].GetAttribute("data-row"));
        Assert.Equal(Titanic.Data.Data.Column("gender").FormatValue(Titanic.Split.TestRows[expected[0]]), rows[0].Children[2].TextContent);
        Assert.Empty(_asked);
    }

    [Fact]
    public void ExplainARow_EveryCardWithAResultIsAsked_EachDrawsAWaterfallNamingItsMethod()
    {
        var cut = Context.Render<CellRowsPanel>(p => p.Add(c => c.Snapshot, Room()).Add(c => c.Choice, new CellChoice("lightgbm", ConfusionCell.TruePositive, 0.5))
            .Add(c => c.Explain, Explain));
        var first = cut.FindAll("tr.cell-row")[0];

        first.QuerySelector(".explain-row")!.Click();

        var testRow = Titanic.Split.TestRows.ToList().IndexOf(int.Parse(first.GetAttribute("data-row")!));
        Assert.Equal([("lightgbm", testRow), ("mlp", testRow)], _asked.Order());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".row-explanation .plotly-figure").Count));
        Assert.Equal("exact TreeSHAP · probability", cut.Find(".row-explanation[data-algorithm=lightgbm] .explanation-method").TextContent);
        Assert.StartsWith("sampling Shapley estimate", cut.Find(".row-explanation[data-algorithm=mlp] .explanation-method").TextContent);
        Assert.Contains("0.700", cut.Find(".row-explanation[data-algorithm=mlp] .explanation-value").TextContent);
    }
}
