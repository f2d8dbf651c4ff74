using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Line = Plotly.Blazor.Traces.ScatterLib.Line;

namespace Dashboard.Components.Charts;

/// <summary>
/// Sensitivity (solid) and specificity (dotted) against the threshold for several results, with a
/// vertical line at each algorithm's current threshold: where the two curves cross is where both
/// classes are found equally well.
/// </summary>
public sealed partial class SensitivitySpecificityChart : ChartBase
{
    /// <summary>The results to draw; failed ones are left out.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<AlgorithmResult> Results { get; set; } = [];

    /// <summary>Current threshold by algorithm id; a missing id uses the threshold the result was scored at.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, double>? Thresholds { get; set; }

    protected override ChartFigure BuildFigure() => Build(Results, Thresholds);

    /// <summary>Two traces per result (sensitivity, specificity); one vertical line per distinct current threshold.</summary>
    public static ChartFigure Build(IReadOnlyList<AlgorithmResult> results, IReadOnlyDictionary<string, double>? thresholds)
    {
        var traces = new List<ITrace>();
        var lines = new List<(double Threshold, string Color)>();
        foreach (var result in results.Where(ThresholdMetrics.HasMetrics))
        {
            var name = PlotlyText.Escape(result.DisplayName);
            var color = ChartStyle.ColorOf(result.AlgorithmId);
            traces.Add(Curve(name, result, color, "sensitivity", "solid", p => p.Sensitivity));
            traces.Add(Curve(name, result, color, "specificity", "dot", p => p.Specificity));
            var threshold = thresholds is not null && thresholds.TryGetValue(result.AlgorithmId, out var t) ? t : result.Metrics!.Threshold;
            lines.Add((threshold, color));
        }

        var layout = ChartStyle.NewLayout("Sensitivity and specificity by threshold", "threshold", "share of the class found");
        layout.XAxis[0].Range = [0.0, 1.0];
        layout.YAxis[0].Range = [0.0, 1.02];
        // All at one threshold (the usual case) is one grey line, not four lines on top of each other.
        var distinct = lines.Select(l => l.Threshold).Distinct().ToList();
        layout.Shapes = distinct.Count == 1
            ? [VerticalLine(distinct[0], ChartStyle.NeutralColor)]
            : [.. lines.Select(l => VerticalLine(l.Threshold, l.Color))];
        return new ChartFigure(traces, layout);
    }

    private static Scatter Curve(string name, AlgorithmResult result, string color, string measure, string dash,
        Func<SensitivitySpecificityPoint, double> value)
    {
        var curve = result.SensitivitySpecificityCurve;
        return new Scatter
        {
            Name = $"{name} {measure}",
            LegendGroup = result.AlgorithmId,
            X = [.. curve.Select(p => (object)p.Threshold)],
            Y = [.. curve.Select(p => (object)value(p))],
            Mode = ModeFlag.Lines,
            Line = new Line { Color = color, Dash = dash, Width = 2 },
            HoverTextArray = [.. curve.Select(p =>
                $"{name}<br>{measure} {DisplayFormat.Metric(value(p))} at threshold {DisplayFormat.Metric(p.Threshold)}")],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
    }

    private static Shape VerticalLine(double threshold, string color)
    {
        var line = ChartStyle.FullHeight(Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, threshold, threshold);
        line.Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = color, Dash = "dash", Width = 1.5m };
        return line;
    }
}
