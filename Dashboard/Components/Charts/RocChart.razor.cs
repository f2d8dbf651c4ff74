using Dashboard.Components.Shared;
using Dashboard.Core.Training;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// ROC curves of several results overlaid (sensitivity against 1 − specificity), each with a
/// marker where its current threshold puts it, and the diagonal of a model that guesses.
/// </summary>
public sealed partial class RocChart : ThresholdCurveChart
{
    protected override ChartFigure BuildFigure() => Build(Results, TestLabels, Thresholds);

    /// <summary>The chance diagonal, then per result its curve and its threshold marker.</summary>
    public static ChartFigure Build(IReadOnlyList<AlgorithmResult> results, IReadOnlyList<int>? testLabels,
        IReadOnlyDictionary<string, double>? thresholds)
    {
        var traces = new List<ITrace> { GuessLine("chance", [0.0, 1.0], [0.0, 1.0]) };
        foreach (var result in results.Where(ThresholdMetrics.HasMetrics))
        {
            var name = PlotlyText.Escape(result.DisplayName);
            var color = ChartStyle.ColorOf(result.AlgorithmId);
            traces.Add(new Scatter
            {
                Name = $"{name} (AUC {DisplayFormat.Metric(result.Metrics!.RocAuc)})",
                LegendGroup = result.AlgorithmId,
                X = [.. result.RocCurve.Select(p => (object)p.FalsePositiveRate)],
                Y = [.. result.RocCurve.Select(p => (object)p.TruePositiveRate)],
                Mode = ModeFlag.Lines,
                Line = new Line { Color = color, Width = 2 },
                HoverTextArray = [.. result.RocCurve.Select(p =>
                    $"{name}<br>threshold {DisplayFormat.Metric(p.Threshold)}<br>sensitivity {DisplayFormat.Metric(p.TruePositiveRate)}<br>" +
                    $"1 − specificity {DisplayFormat.Metric(p.FalsePositiveRate)}")],
                HoverTemplate = "%{hovertext}<extra></extra>",
            });
            var current = ThresholdMetrics.At(result, testLabels, thresholds)!;
            traces.Add(Marker(result, name, current.Threshold, 1 - current.Specificity, current.Recall,
                $"sensitivity {DisplayFormat.Metric(current.Recall)}<br>specificity {DisplayFormat.Metric(current.Specificity)}"));
        }

        var layout = ChartStyle.NewLayout("ROC curves", "1 − specificity (false positive rate)", "sensitivity (recall)");
        layout.XAxis[0].Range = [0.0, 1.0];
        layout.YAxis[0].Range = [0.0, 1.02];
        return new ChartFigure(traces, layout);
    }
}
