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

    /// <summary>The room's sensitive column: while there is one, the picker also offers its two gaps between groups.</summary>
    [Parameter]
    public string? SensitiveColumn { get; set; }

    /// <summary>The y axis's name for <see cref="ByCost"/>.</summary>
    public const string CostTitle = "expected cost per test row";

    private HistoryGap? _gap;

    /// <summary>The gap on screen, if the reader picked one (and the room still has a sensitive column).</summary>
    private HistoryGap? Gap => SensitiveColumn is null ? null : _gap;

    private string ChoiceKey => Gap?.ToString() ?? Chosen.ToString();

    protected override ChartFigure BuildFigure() =>
        !ByCost && Gap is { } gap ? BuildGap(gap, Points, XTitle, SensitiveColumn!) : Build(Chosen, Points, XTitle, ByCost);

    private Task ChooseKeyAsync(string key)
    {
        if (Enum.TryParse<HistoryGap>(key, out var gap))
        {
            _gap = gap;
            Rebuild();
            return Task.CompletedTask;
        }
        _gap = null;
        return ChooseAsync(Enum.Parse<MetricId>(key));
    }

    /// <summary>How the picker and the y axis name a gap, e.g. "equal-opportunity difference (recall gap between gender groups)".</summary>
    public static string GapTitle(HistoryGap gap, string column) => gap switch
    {
        HistoryGap.EqualOpportunity => $"equal-opportunity difference (recall gap between {column} groups)",
        _ => $"demographic-parity difference (selection-rate gap between {column} groups)",
    };

    private static double? GapOf(HistoryGap gap, HistoryChartPoint point) =>
        gap == HistoryGap.EqualOpportunity ? point.EqualOpportunityGap : point.DemographicParityGap;

    /// <summary>
    /// The largest gap between the sensitive column's groups against the slider position, per algorithm as for a metric.
    /// A point whose gap is not known is not drawn (never as 0): <see cref="Unknown"/> counts them for the note.
    /// </summary>
    public static ChartFigure BuildGap(HistoryGap gap, IReadOnlyList<HistoryChartPoint> points, string xTitle, string column) =>
        Build(points, p => GapOf(gap, p), AxisTitle(gap, column), DisplayFormat.Metric, [0.0, 1.05], xTitle);

    /// <summary>The y axis's shorter name for a gap (the picker's long one does not fit beside a short plot): "equal-opportunity difference (gender)".</summary>
    public static string AxisTitle(HistoryGap gap, string column) =>
        $"{(gap == HistoryGap.EqualOpportunity ? "equal-opportunity" : "demographic-parity")} difference ({column})";

    /// <summary>How many runs' points (the baseline drawn on two lines counts once) have no such gap.</summary>
    public static int Unknown(HistoryGap gap, IReadOnlyList<HistoryChartPoint> points) =>
        points.Where(p => GapOf(gap, p) is null).Select(Run).Distinct().Count();

    private static (string, double, string, bool) Run(HistoryChartPoint point) => (point.AlgorithmId, point.X, point.XLabel, point.Leaky);

    /// <summary>
    /// Per algorithm (in order of first appearance): a lines+markers trace sorted by x per line (on the class-balance
    /// track two: undersampling dashed with squares, SMOTE solid with circles), then its leaky points if any.
    /// </summary>
    /// <param name="byCost">Draw the points' expected cost (for the room's costs) instead of <paramref name="metric"/>.</param>
    public static ChartFigure Build(MetricId metric, IReadOnlyList<HistoryChartPoint> points, string xTitle, bool byCost = false)
    {
        var info = MetricCatalog.Get(metric);
        return byCost
            ? Build(points, p => p.ExpectedCost, CostTitle, DisplayFormat.Metric, range: null, xTitle, fromZero: true)
            : Build(points, p => p.Metrics.TryGetValue(metric, out var value) ? value : null, info.DisplayName, DisplayFormat.Metric, RangeOf(metric), xTitle);
    }

    /// <summary>
    /// The same chart for any number a point carries (a regression metric, say): <paramref name="value"/> picks it (null: not
    /// drawn), <paramref name="range"/> fixes the y axis (null: Plotly fits it, as errors in the target's unit need).
    /// </summary>
    /// <param name="fromZero">Without a fixed range, start the y axis at 0 (a cost is never below 0).</param>
    public static ChartFigure Build(IReadOnlyList<HistoryChartPoint> points, Func<HistoryChartPoint, double?> value, string valueName,
        Func<double, string> format, IList<object>? range, string xTitle, bool fromZero = false)
    {
        var traces = new List<ITrace>();
        foreach (var algorithm in points.GroupBy(p => p.AlgorithmId))
        {
            var name = PlotlyText.Escape(algorithm.First().AlgorithmName);
            var color = ChartStyle.ColorOf(algorithm.Key);
            var drawn = algorithm.Where(p => value(p) is not null).OrderBy(p => p.X).ToList();
            var leaky = drawn.Where(p => p.Leaky).ToList();
            var series = new SeriesValues(p => value(p)!.Value, valueName, format);
            foreach (var line in drawn.Where(p => !p.Leaky).GroupBy(p => p.Line))
            {
                var undersampling = Panels.HistorySeries.IsUndersampling(line.Key);
                var trace = Series(line.Key is null ? name : $"{name} · {line.Key}", algorithm.Key, line.ToList(), series, ModeFlag.Lines | ModeFlag.Markers,
                    new Marker { Color = color, Size = 8, Symbol = undersampling ? SymbolEnum.Square : SymbolEnum.Circle }, color);
                if (undersampling) trace.Line.Dash = "dash";
                traces.Add(trace);
            }
            if (leaky.Count > 0)
            {
                traces.Add(Series($"{name} (leaky)", algorithm.Key, leaky, series, ModeFlag.Markers,
                    new Marker { Color = color, Size = 11, Symbol = SymbolEnum.XThin, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = color, Width = 2 } },
                    color));
            }
        }
        var layout = ChartStyle.NewLayout(null, xTitle, valueName);
        if (range is not null) layout.YAxis[0].Range = range;
        else if (fromZero) layout.YAxis[0].RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero;
        return new ChartFigure(traces, layout);
    }

    /// <summary>What a series plots: the value, its name and how it reads in a hover.</summary>
    private sealed record SeriesValues(Func<HistoryChartPoint, double> Value, string Name, Func<double, string> Format);

    private static Scatter Series(string name, string group, List<HistoryChartPoint> points, SeriesValues values,
        ModeFlag mode, Marker marker, string color) => new()
    {
        Name = name,
        LegendGroup = group,
        X = [.. points.Select(p => (object)p.X)],
        Y = [.. points.Select(p => (object)values.Value(p))],
        Mode = mode,
        Marker = marker,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = 2 },
        HoverTextArray = [.. points.Select(p =>
            $"{name}<br>{PlotlyText.Escape(p.XLabel)}<br>{values.Name} {values.Format(values.Value(p))}" + (p.Leaky ? "<br>leaky mode: resampled before the split" : ""))],
        HoverTemplate = "%{hovertext}<extra></extra>",
    };
}
