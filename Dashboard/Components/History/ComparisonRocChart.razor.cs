using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Export;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.History;

/// <summary>
/// The ROC curves of several stored runs overlaid: an algorithm keeps its dashboard colour, and each
/// run has its own line style (run 1 solid, run 2 dashed, …), so both comparisons read at a glance.
/// </summary>
public sealed partial class ComparisonRocChart : ChartBase
{
    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];

    [Parameter, EditorRequired]
    public IReadOnlyList<RecordedRun> Runs { get; set; } = [];

    public ComparisonRocChart() => Height = "420px";

    protected override ChartFigure BuildFigure() => Build(Runs);

    public static ChartFigure Build(IReadOnlyList<RecordedRun> runs)
    {
        // The dashboard's ROC chart with no results is the chance diagonal on the ROC axes: start from it.
        var empty = RocChart.Build([], null, null);
        var traces = new List<ITrace>(empty.Traces);
        for (var i = 0; i < runs.Count; i++)
        {
            foreach (var result in runs[i].Results.Where(ThresholdMetrics.HasMetrics))
            {
                var name = $"run {i + 1} · {PlotlyText.Escape(result.DisplayName)} (AUC {DisplayFormat.Metric(result.Metrics!.RocAuc)})";
                traces.Add(new Scatter
                {
                    Name = name,
                    X = [.. result.RocCurve.Select(p => (object)p.FalsePositiveRate)],
                    Y = [.. result.RocCurve.Select(p => (object)p.TruePositiveRate)],
                    Mode = ModeFlag.Lines,
                    Line = new Line { Color = ChartStyle.ColorOf(result.AlgorithmId), Width = 2, Dash = Dashes[i % Dashes.Length] },
                    HoverTemplate = $"{name}<br>1 − specificity %{{x:.3f}}<br>sensitivity %{{y:.3f}}<extra></extra>",
                });
            }
        }
        return new ChartFigure(traces, empty.Layout);
    }
}
