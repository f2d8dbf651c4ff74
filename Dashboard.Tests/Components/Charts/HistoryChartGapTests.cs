using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using MudBlazor;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

/// <summary>The history chart's fairness gaps: offered only with a sensitive column, drawn where known and never as 0.</summary>
public class HistoryChartGapTests : ComponentTest
{
    private static HistoryChartPoint Point(double x, double f1, double? equalOpportunity, double? demographicParity) =>
        new("lightgbm", "LightGBM", x, $"{x:P0}", new Dictionary<MetricId, double> { [MetricId.F1] = f1 })
        {
            EqualOpportunityGap = equalOpportunity,
            DemographicParityGap = demographicParity,
        };

    // The first point was made before its scores could be grouped (say, a room reopened from storage): no gap.
    private static readonly HistoryChartPoint[] Points = [Point(0.2, 0.50, null, null), Point(0.4, 0.60, 0.30, 0.10), Point(0.3, 0.55, 0.25, 0.05)];

    private IRenderedComponent<HistoryChart> Render(string? sensitiveColumn) =>
        Context.Render<HistoryChart>(p => p.Add(c => c.Points, Points).Add(c => c.XTitle, "share").Add(c => c.SensitiveColumn, sensitiveColumn));

    private static Scatter Trace(IRenderedComponent<HistoryChart> cut) =>
        (Scatter)cut.FindComponent<PlotlyFigure>().Instance.Figure.Traces.Single();

    [Fact]
    public void NoSensitiveColumn_PlainMetricPicker_NoGapOffered()
    {
        var provider = RenderPopoverProvider();
        var cut = Render(null);

        Assert.Single(cut.FindComponents<MetricPicker>());
        Assert.Empty(cut.FindAll(".history-measure"));
        Assert.Equal([0.5, 0.55, 0.6], Trace(cut).Y);
        Assert.DoesNotContain("difference", provider.Markup);
    }

    [Fact]
    public async Task SensitiveColumn_PickerOffersBothGaps_ChosenGapDrawnWhereKnownWithANote()
    {
        var provider = RenderPopoverProvider();
        var cut = Render("gender");
        var select = cut.FindComponent<MudSelect<string>>();

        await cut.InvokeAsync(() => select.Instance.OpenMenu());
        var items = provider.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToArray();
        Assert.Contains("F1 score", items);
        Assert.Contains(HistoryChart.GapTitle(HistoryGap.EqualOpportunity, "gender"), items);
        Assert.Contains(HistoryChart.GapTitle(HistoryGap.DemographicParity, "gender"), items);
        Assert.Empty(cut.FindAll(".gap-note")); // a metric on screen: nothing to say about gaps

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(nameof(HistoryGap.EqualOpportunity)));

        var trace = Trace(cut);
        Assert.Equal([0.3, 0.4], trace.X); // the point without a gap is not drawn, not drawn as 0
        Assert.Equal([0.25, 0.30], trace.Y);
        Assert.Equal("equal-opportunity difference (gender)", cut.FindComponent<PlotlyFigure>().Instance.Figure.Layout.YAxis[0].Title.Text);
        Assert.StartsWith("1 of 3 points have no gap and are not drawn", cut.Find(".gap-note").TextContent.Trim());

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(nameof(HistoryGap.DemographicParity)));
        Assert.Equal([0.05, 0.10], Trace(cut).Y);

        // The sensitive column cleared: back to the metric, the gap no longer offered.
        cut.Render(p => p.Add(c => c.SensitiveColumn, null));
        Assert.Equal([0.5, 0.55, 0.6], Trace(cut).Y);
        Assert.Empty(cut.FindAll(".gap-note"));
    }
}
