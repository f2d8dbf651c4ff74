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

    protected override ChartFigure BuildFigure() => Build(Chosen, Points, XTitle);

    /// <summary>
    /// Per algorithm (in order of first appearance): a lines+markers trace sorted by x per line (on the class-balance
    /// track two: undersampling dashed with squares, SMOTE solid with circles), then its leaky points if any.
    /// </summary>
    public static ChartFigure Build(MetricId metric, IReadOnlyList<HistoryChartPoint> points, string xTitle)
    {
        var info = MetricCatalog.Get(metric);
        var traces = new List<ITrace>();
        foreach (var algorithm in points.GroupBy(p => p.AlgorithmId))
        {
            var name = PlotlyText.Escape(algorithm.First().AlgorithmName);
            var color = ChartStyle.ColorOf(algorithm.Key);
            var drawn = algorithm.Where(p => p.Metrics.ContainsKey(metric)).OrderBy(p => p.X).ToList();
            var leaky = drawn.Where(p => p.Leaky).ToList();
            foreach (var line in drawn.Where(p => !p.Leaky).GroupBy(p => p.Line))
            {
                var undersampling = line.Key == Panels.HistorySeries.UndersamplingLine;
                var trace = Series(line.Key is null ? name : $"{name} · {line.Key}", algorithm.Key, line.ToList(), metric, info, ModeFlag.Lines | ModeFlag.Markers,
                    new Marker { Color = color, Size = 8, Symbol = undersampling ? SymbolEnum.Square : SymbolEnum.Circle }, color);
                if (undersampling) trace.Line.Dash = "dash";
                traces.Add(trace);
            }
            if (leaky.Count > 0)
            {
                traces.Add(Series($"{name} (leaky)", algorithm.Key, leaky, metric, info, ModeFlag.Markers,
                    new Marker { Color = color, Size = 11, Symbol = SymbolEnum.XThin, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = color, Width = 2 } },
                    color));
            }
        }
        var layout = ChartStyle.NewLayout(null, xTitle, info.DisplayName);
        layout.YAxis[0].Range = RangeOf(metric);
        return new ChartFigure(traces, layout);
    }

    private static Scatter Series(string name, string group, List<HistoryChartPoint> points, MetricId metric, MetricInfo info,
        ModeFlag mode, Marker marker, string color) => new()
    {
        Name = name,
        LegendGroup = group,
        X = [.. points.Select(p => (object)p.X)],
        Y = [.. points.Select(p => (object)p.Metrics[metric])],
        Mode = mode,
        Marker = marker,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = 2 },
        HoverTextArray = [.. points.Select(p =>
            $"{name}<br>{PlotlyText.Escape(p.XLabel)}<br>{info.DisplayName} {DisplayFormat.Metric(p.Metrics[metric])}" + (p.Leaky ? "<br>leaky mode: resampled before the split" : ""))],
        HoverTemplate = "%{hovertext}<extra></extra>",
    };
}
