using Dashboard.Components.Charts;
using Dashboard.Core.Metrics;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace Dashboard.Tests.Components.Charts;

public class HistoryChartTests
{
    private static HistoryChartPoint Point(string id, double x, double f1, bool leaky = false) =>
        new(id, id.ToUpperInvariant(), x, $"{x:P0}", new Dictionary<MetricId, double> { [MetricId.F1] = f1 }, leaky);

    [Fact]
    public void Build_PointsOutOfOrder_OneLinePerAlgorithmSortedByPosition()
    {
        HistoryChartPoint[] points = [Point("a", 0.5, 0.6), Point("b", 0.2, 0.3), Point("a", 0.2, 0.4), Point("a", 0.35, 0.5)];

        var traces = HistoryChart.Build(MetricId.F1, points, "share").Traces.Cast<Scatter>().ToList();

        Assert.Equal(2, traces.Count);
        Assert.Equal([0.2, 0.35, 0.5], traces[0].X);
        Assert.Equal([0.4, 0.5, 0.6], traces[0].Y);
        Assert.Equal(ModeFlag.Lines | ModeFlag.Markers, traces[0].Mode);
    }

    [Fact]
    public void Build_LeakyRun_OwnMarkerTraceNotJoinedToTheLine()
    {
        var traces = HistoryChart.Build(MetricId.F1, [Point("a", 0.2, 0.4), Point("a", 0.5, 0.9, leaky: true)], "share")
            .Traces.Cast<Scatter>().ToList();

        Assert.Equal([0.2], traces[0].X);
        Assert.Equal([0.5], traces[1].X);
        Assert.Equal(ModeFlag.Markers, traces[1].Mode);
        Assert.Equal(SymbolEnum.XThin, traces[1].Marker.Symbol);
        Assert.EndsWith("(leaky)", traces[1].Name);
    }

    [Fact]
    public void From_Results_DefinedMetricsOnlyAndNothingForAFailure()
    {
        // Above every score nothing is predicted positive: precision and MCC are undefined.
        var point = HistoryChartPoint.From(TestResults.Completed("lightgbm", TestResults.GoodScores, threshold: 0.95), 0.4, "40%");

        Assert.NotNull(point);
        Assert.False(point.Metrics.ContainsKey(MetricId.Precision));
        Assert.Equal(TestResults.MetricsAt(TestResults.GoodScores, 0.95).Recall, point.Metrics[MetricId.Recall]);
        Assert.Null(HistoryChartPoint.From(TestResults.Failed("mlp", "diverged"), 0.4, "40%"));
    }

    [Fact]
    public void Build_MetricMissingAtAPoint_PointLeftOut()
    {
        var partial = new HistoryChartPoint("a", "A", 0.3, "30%", new Dictionary<MetricId, double>());

        var trace = (Scatter)HistoryChart.Build(MetricId.F1, [Point("a", 0.2, 0.4), partial], "share").Traces.Single();

        Assert.Equal([0.2], trace.X);
    }

    [Fact]
    public void Build_ClassBalanceTrack_TwoLinesPerAlgorithm_UndersamplingDashed_BothFromTheBaseline()
    {
        const string Under = Dashboard.Components.Panels.HistorySeries.UndersamplingLine;
        const string Smote = Dashboard.Components.Panels.HistorySeries.OversamplingLine;
        HistoryChartPoint[] points =
        [
            Point("a", 0.38, 0.70) with { Line = Under }, Point("a", 0.38, 0.70) with { Line = Smote }, // the baseline, on both
            Point("a", 0.50, 0.74) with { Line = Under }, Point("a", 0.44, 0.72) with { Line = Under },
            Point("a", 0.50, 0.71) with { Line = Smote },
        ];

        var traces = HistoryChart.Build(MetricId.F1, points, "minority share").Traces.Cast<Scatter>().ToList();

        Assert.Equal(["A · " + Under, "A · " + Smote], traces.Select(t => t.Name));
        Assert.Equal([0.38, 0.44, 0.50], traces[0].X);
        Assert.Equal([0.70, 0.72, 0.74], traces[0].Y);
        Assert.Equal([0.38, 0.50], traces[1].X);
        Assert.Equal("dash", traces[0].Line.Dash);
        Assert.Null(traces[1].Line.Dash);
        Assert.Equal(traces[0].LegendGroup, traces[1].LegendGroup); // one algorithm, one colour
    }

    [Fact]
    public void Build_ByCost_DrawsEachPointsExpectedCost_OnAnAxisFromZeroNamedAsSuch()
    {
        HistoryChartPoint[] points = [Point("a", 0.5, 0.6) with { ExpectedCost = 0.25 }, Point("a", 0.2, 0.4) with { ExpectedCost = 0.5 }, Point("a", 0.3, 0.45)];

        var figure = HistoryChart.Build(MetricId.F1, points, "share", byCost: true);

        var trace = (Scatter)figure.Traces.Single();
        Assert.Equal([0.2, 0.5], trace.X); // the point without a cost is not drawn
        Assert.Equal([0.5, 0.25], trace.Y);
        Assert.Equal(HistoryChart.CostTitle, figure.Layout.YAxis[0].Title.Text);
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, figure.Layout.YAxis[0].RangeMode);
    }
}
