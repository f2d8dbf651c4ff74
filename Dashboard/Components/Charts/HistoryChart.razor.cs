using Dashboard.Core.Metrics;
using Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// The chosen metric against the slider position for each algorithm: every run adds a point, so
/// moving a slider (or a sweep) draws how the distribution change affects each model. Leaky-mode
/// runs are separate crossed markers, never joined to the honest line.
/// </summary>
public sealed partial class HistoryChart : MetricChoice
{
    [Parameter, EditorRequired]
    public IReadOnlyList<HistoryChartPoint> Points { get; set; } = [];

    /// <summary>What the x axis measures, e.g. "female share of training rows".</summary>
    [Parameter]
    public string XTitle { get; set; } = "slider position";

    /// <summary>Plots each point's expected cost per test row (lower is better: the panel says so) instead of the metric.</summary>
    [Parameter]
    public bool ByCost { get; set; }

    /// <summary>The y axis's name for <see cref="ByCost"/>.</summary>
    public const string CostTitle = "expected cost per test row";

    protected override ChartFigure BuildFigure() => Build(Chosen, Points, XTitle, ByCost);

    /// <summary>
    /// Per algorithm (in order of first appearance): a lines+markers trace sorted by x per line (on the class-balance
    /// track two: undersampling dashed with squares, SMOTE solid with circles), then its leaky points if any.
    /// </summary>
    /// <param name="byCost">Draw the points' expected cost (for the room's costs) instead of <paramref name="metric"/>.</param>
    public static ChartFigure Build(MetricId metric, IReadOnlyList<HistoryChartPoint> points, string xTitle, bool byCost = false)
    {
        var info = MetricCatalog.Get(metric);
        var measure = byCost
            ? new Measure(CostTitle, p => p.ExpectedCost, null)
            : new Measure(info.DisplayName, p => p.Metrics.TryGetValue(metric, out var value) ? value : null, RangeOf(metric));
        var traces = new List<ITrace>();
        foreach (var algorithm in points.GroupBy(p => p.AlgorithmId))
        {
            var name = PlotlyText.Escape(algorithm.First().AlgorithmName);
            var color = ChartStyle.ColorOf(algorithm.Key);
            var drawn = algorithm.Where(p => measure.Of(p) is not null).OrderBy(p => p.X).ToList();
            var leaky = drawn.Where(p => p.Leaky).ToList();
            foreach (var line in drawn.Where(p => !p.Leaky).GroupBy(p => p.Line))
            {
                var undersampling = line.Key == Panels.HistorySeries.UndersamplingLine;
                var trace = Series(line.Key is null ? name : $"{name} · {line.Key}", algorithm.Key, line.ToList(), measure, ModeFlag.Lines | ModeFlag.Markers,
                    new Marker { Color = color, Size = 8, Symbol = undersampling ? SymbolEnum.Square : SymbolEnum.Circle }, color);
                if (undersampling) trace.Line.Dash = "dash";
                traces.Add(trace);
            }
            if (leaky.Count > 0)
            {
                traces.Add(Series($"{name} (leaky)", algorithm.Key, leaky, measure, ModeFlag.Markers,
                    new Marker { Color = color, Size = 11, Symbol = SymbolEnum.XThin, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = color, Width = 2 } },
                    color));
            }
        }
        var layout = ChartStyle.NewLayout(null, xTitle, measure.Name);
        if (measure.Range is { } range) layout.YAxis[0].Range = range;
        else layout.YAxis[0].RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero; // a cost is never below 0
        return new ChartFigure(traces, layout);
    }

    /// <summary>What the y axis shows: its name, each point's value (null: not drawn) and a fixed range (null: Plotly's).</summary>
    private sealed record Measure(string Name, Func<HistoryChartPoint, double?> Of, IList<object>? Range);

    private static Scatter Series(string name, string group, List<HistoryChartPoint> points, Measure measure, ModeFlag mode, Marker marker, string color) => new()
    {
        Name = name,
        LegendGroup = group,
        X = [.. points.Select(p => (object)p.X)],
        Y = [.. points.Select(p => (object)measure.Of(p)!.Value)],
        Mode = mode,
        Marker = marker,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = 2 },
        HoverTextArray = [.. points.Select(p =>
            $"{name}<br>{PlotlyText.Escape(p.XLabel)}<br>{measure.Name} {DisplayFormat.Metric(measure.Of(p)!.Value)}" + (p.Leaky ? "<br>leaky mode: resampled before the split" : ""))],
        HoverTemplate = "%{hovertext}<extra></extra>",
    };
}
