using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// The algorithms ranked by expected cost per test row at each one's threshold, cheapest first: unlike every metric,
/// lower is better, so it is its own chart rather than one more choice of the metric bar chart.
/// </summary>
public sealed partial class CostBarChart : ChartBase
{
    /// <summary>The results, each at its card's threshold.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<AlgorithmResult> Results { get; set; } = [];

    [Parameter, EditorRequired]
    public CostMatrix Costs { get; set; } = CostMatrix.Equal;

    protected override ChartFigure BuildFigure() => Build(Results, Costs);

    /// <summary>The results that have metrics with their expected cost, cheapest first (ties keep the cards' order).</summary>
    public static IReadOnlyList<(AlgorithmResult Result, double Cost)> Ranked(IReadOnlyList<AlgorithmResult> results, CostMatrix costs) =>
        results.Where(ThresholdMetrics.HasMetrics).Select(r => (r, costs.ExpectedCost(r.Metrics!.Confusion))).OrderBy(r => r.Item2).ToArray();

    public static ChartFigure Build(IReadOnlyList<AlgorithmResult> results, CostMatrix costs)
    {
        var ranked = Ranked(results, costs);
        var names = ranked.Select(r => (object)PlotlyText.Escape(r.Result.DisplayName)).ToList();
        var bars = new Bar
        {
            Name = "expected cost",
            X = names,
            Y = [.. ranked.Select(r => (object)r.Cost)],
            TextArray = [.. ranked.Select(r => DisplayFormat.Metric(r.Cost))],
            TextPosition = TextPositionEnum.Outside,
            Marker = new Marker { ColorArray = [.. ranked.Select(r => (object)ChartStyle.ColorOf(r.Result.AlgorithmId))] },
            HoverTextArray = [.. ranked.Select(r => $"{PlotlyText.Escape(r.Result.DisplayName)}<br>expected cost {DisplayFormat.Metric(r.Cost)} per test row " +
                $"at threshold {DisplayFormat.Metric(r.Result.Metrics!.Threshold)}<br>{r.Result.Metrics.Confusion.FalseNegatives} FN × {DisplayFormat.Setting(costs.FalseNegative)}" +
                $" + {r.Result.Metrics.Confusion.FalsePositives} FP × {DisplayFormat.Setting(costs.FalsePositive)}")],
            HoverTemplate = "%{hovertext}<extra></extra>",
            ClipOnAxis = false,
        };
        var layout = ChartStyle.NewLayout(null, null, "Expected cost per test row (lower is better)");
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.ShowLegend = false;
        return new ChartFigure([bars], layout);
    }
}
