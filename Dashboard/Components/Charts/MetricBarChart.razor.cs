using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// One chosen metric by algorithm, at each algorithm's current threshold, optionally beside the
/// baseline run's value (grey). A metric whose formula divided by zero shows "n/a", not a bar.
/// </summary>
public sealed partial class MetricBarChart : MetricChoice
{
    [Parameter, EditorRequired]
    public IReadOnlyList<AlgorithmResult> Results { get; set; } = [];

    /// <summary>The baseline run's results (same algorithms), drawn as grey bars beside each.</summary>
    [Parameter]
    public IReadOnlyList<AlgorithmResult>? Baselines { get; set; }

    /// <summary>The test rows' labels, to recompute at thresholds other than the trained ones.</summary>
    [Parameter]
    public IReadOnlyList<int>? TestLabels { get; set; }

    /// <summary>Current threshold by algorithm id.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, double>? Thresholds { get; set; }

    protected override ChartFigure BuildFigure() => Build(Chosen, Results, Baselines, TestLabels, Thresholds);

    /// <summary>A bar trace of the current results, then (with baselines) a grey one; algorithms in the order given.</summary>
    public static ChartFigure Build(MetricId metric, IReadOnlyList<AlgorithmResult> results, IReadOnlyList<AlgorithmResult>? baselines,
        IReadOnlyList<int>? testLabels, IReadOnlyDictionary<string, double>? thresholds)
    {
        var info = MetricCatalog.Get(metric);
        var shown = results.Where(ThresholdMetrics.HasMetrics).ToList();
        var names = shown.Select(r => (object)PlotlyText.Escape(r.DisplayName)).ToList();
        var traces = new List<ITrace>();
        if (baselines is not null)
        {
            var baselineMetrics = shown.Select(r => baselines.FirstOrDefault(b => b.AlgorithmId == r.AlgorithmId) is { } b && ThresholdMetrics.HasMetrics(b)
                ? ThresholdMetrics.At(b, testLabels, thresholds) : null).ToList();
            traces.Add(Bars("baseline", names, baselineMetrics, metric, info, _ => ChartStyle.NeutralColor));
        }
        var current = shown.Select(r => ThresholdMetrics.At(r, testLabels, thresholds)).ToList();
        traces.Add(Bars("current run", names, current, metric, info, i => ChartStyle.ColorOf(shown[i].AlgorithmId)));

        var layout = ChartStyle.NewLayout(null, null, info.DisplayName);
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.YAxis[0].Range = RangeOf(metric);
        layout.BarMode = BarModeEnum.Group;
        layout.ShowLegend = baselines is not null;
        return new ChartFigure(traces, layout);
    }

    private static Bar Bars(string name, List<object> algorithms, List<BinaryMetrics?> metrics, MetricId metric, MetricInfo info,
        Func<int, string> color) => new()
    {
        Name = name,
        X = algorithms,
        // An undefined metric gets no bar (0 would read as "worst"), only its "n/a" label.
        Y = [.. metrics.Select(m => m is not null && m.IsDefined(metric) ? (object)m.Get(metric) : 0.0)],
        TextArray = [.. metrics.Select(m => m is null ? "" : m.IsDefined(metric) ? DisplayFormat.Metric(m.Get(metric)) : "n/a")],
        TextPosition = TextPositionEnum.Outside,
        Marker = new Marker { ColorArray = [.. algorithms.Select((_, i) => (object)color(i))] },
        HoverTextArray = [.. algorithms.Select((algorithm, i) => metrics[i] is not { } m ? $"{algorithm}: no {name} result"
            : m.IsDefined(metric) ? $"{algorithm} ({name})<br>{info.DisplayName} {DisplayFormat.Metric(m.Get(metric))} at threshold {DisplayFormat.Metric(m.Threshold)}"
            : $"{algorithm} ({name})<br>{info.DisplayName} is undefined here: {info.WhenUndefined}")],
        HoverTemplate = "%{hovertext}<extra></extra>",
        ClipOnAxis = false,
    };
}
