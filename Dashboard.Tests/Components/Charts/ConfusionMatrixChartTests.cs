using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

public class ConfusionMatrixChartTests : ComponentTest
{
    private static readonly ClassLabels Survived = new("survived", "yes", "no");

    [Fact]
    public void Build_ScoredRows_CellsHoldCountsAndRowShares()
    {
        // TP 3, FN 1, FP 2, TN 6 at 0.5.
        var confusion = new ScoredPredictions(TestResults.Labels, TestResults.GoodScores).ConfusionAt(0.5);

        var heatmap = Assert.IsType<HeatMap>(Assert.Single(ConfusionMatrixChart.Build(confusion, Survived).Traces));

        // Row 0 = actually negative [TN, FP], row 1 = actually positive [FN, TP]; coloured by share of the row.
        Assert.Equal([6 / 8.0, 2 / 8.0], (double[])heatmap.Z[0]);
        Assert.Equal([1 / 4.0, 3 / 4.0], (double[])heatmap.Z[1]);
        Assert.Equal(["TN 6<br>75.0%", "FP 2<br>25.0%"], (string[])heatmap.Text[0]);
        Assert.Equal(["FN 1<br>25.0%", "TP 3<br>75.0%"], (string[])heatmap.Text[1]);
    }

    [Fact]
    public void Build_Labels_InTheDataSetsOwnWords()
    {
        var figure = ConfusionMatrixChart.Build(new ConfusionMatrix(3, 2, 6, 1), Survived);
        var heatmap = (HeatMap)figure.Traces[0];

        Assert.Equal(["predicted<br>survived=no", "predicted<br>survived=yes"], heatmap.X);
        Assert.Equal(["actually<br>survived=no", "actually<br>survived=yes"], heatmap.Y);
        var hover = (string[])heatmap.HoverText[0];
        Assert.StartsWith("false positive: predicted yes, actually no<br>2 of the 8 test rows where survived=no", hover[1]);
        Assert.StartsWith("false negative: predicted no, actually yes", ((string[])heatmap.HoverText[1])[0]);
    }

    [Fact]
    public void Build_EmptyRow_SaysNoRowsInsteadOfDividingByZero()
    {
        var heatmap = (HeatMap)ConfusionMatrixChart.Build(new ConfusionMatrix(0, 1, 2, 0), ClassLabels.Default).Traces[0];

        Assert.Equal([0.0, 0.0], (double[])heatmap.Z[1]);
        Assert.Equal("FN 0<br>no rows", ((string[])heatmap.Text[1])[0]);
    }

    [Fact]
    public void Render_Confusion_DrawsPlotAndListsCountsAsText()
    {
        var cut = Context.Render<ConfusionMatrixChart>(p => p
            .Add(c => c.Confusion, new ConfusionMatrix(3, 2, 6, 1))
            .Add(c => c.Classes, Survived));

        Assert.Equal("3", cut.Find("td[data-cell=TP]").TextContent);
        Assert.Equal("2", cut.Find("td[data-cell=FP]").TextContent);
        Assert.Contains("predicted survived=yes", cut.Find("table.confusion-counts").TextContent);
        Assert.NotNull(cut.Find(".plotly-figure"));
    }
}
