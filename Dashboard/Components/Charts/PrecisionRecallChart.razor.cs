using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// Precision-recall curves of several results overlaid, each with a marker where its card's
/// threshold puts it, and the line of a model that guesses: its precision is the test rows'
/// positive rate at every recall. Where ROC looks good because negatives are plentiful, this
/// chart shows what the positives cost.
/// </summary>
public sealed partial class PrecisionRecallChart : ThresholdCurveChart
{
    protected override ChartFigure BuildFigure() => Build(Results, TestLabels, Thresholds);

    /// <summary>The no-skill line (when a result has metrics), then per result its curve and its threshold marker.</summary>
    public static ChartFigure Build(IReadOnlyList<AlgorithmResult> results, IReadOnlyList<int>? testLabels,
        IReadOnlyDictionary<string, double>? thresholds)
    {
        var drawn = results.Where(ThresholdMetrics.HasMetrics).ToList();
        var traces = new List<ITrace>();
        if (drawn.Count > 0)
        {
            // Every result is scored on the same test rows: any one's confusion counts give the rate.
            var rate = PositiveRate(drawn[0].Metrics!.Confusion);
            traces.Add(GuessLine($"no skill ({DisplayFormat.Metric(rate)} positive)", [0.0, 1.0], [rate, rate]));
        }
        foreach (var result in drawn)
        {
            var name = PlotlyText.Escape(result.DisplayName);
            var color = ChartStyle.ColorOf(result.AlgorithmId);
            traces.Add(new Scatter
            {
                Name = $"{name} (PR AUC {DisplayFormat.Metric(result.Metrics!.PrAuc)})",
                LegendGroup = result.AlgorithmId,
                X = [.. result.PrecisionRecallCurve.Select(p => (object)p.Recall)],
                Y = [.. result.PrecisionRecallCurve.Select(p => (object)p.Precision)],
                Mode = ModeFlag.Lines,
                // A step: precision holds until the next threshold lets another row in (sklearn draws it so).
                Line = new Line { Color = color, Width = 2, Shape = Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv },
                // The browser formats the hover from the point's own numbers (three decimals, as DisplayFormat.Metric): a text per
                // point cost a tenth of the page's render on the server and tripled the chart's bytes on every new result.
                CustomData = [.. result.PrecisionRecallCurve.Select(p => (object)p.Threshold)],
                HoverTemplate = $"{name}<br>threshold %{{customdata:.3f}}<br>recall %{{x:.3f}}<br>precision %{{y:.3f}}<extra></extra>",
            });
            var current = ThresholdMetrics.At(result, testLabels, thresholds)!;
            // A threshold above every score calls no row positive: precision is undefined, there is no point to mark.
            if (!current.IsDefined(MetricId.Precision)) continue;
            traces.Add(Marker(result, name, current.Threshold, current.Recall, current.Precision,
                $"recall {DisplayFormat.Metric(current.Recall)}<br>precision {DisplayFormat.Metric(current.Precision)}"));
        }

        var layout = ChartStyle.NewLayout("Precision-recall curves", "recall (sensitivity)", "precision");
        layout.XAxis[0].Range = [0.0, 1.0];
        layout.YAxis[0].Range = [0.0, 1.02];
        return new ChartFigure(traces, layout);
    }

    private static double PositiveRate(ConfusionMatrix confusion) =>
        confusion.Total == 0 ? 0 : (double)confusion.Positives / confusion.Total;
}
