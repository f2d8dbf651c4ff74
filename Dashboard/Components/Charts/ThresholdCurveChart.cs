using Dashboard.Components.Shared;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// A chart of one curve per result with a marker where each card's threshold puts it (ROC,
/// precision-recall): the parameters such a chart needs, and the guess line and the marker, drawn the same in both.
/// </summary>
public abstract class ThresholdCurveChart : ChartBase
{
    /// <summary>The results to draw; failed ones are left out.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<AlgorithmResult> Results { get; set; } = [];

    /// <summary>The test rows' labels, to place each marker at a threshold other than the trained one.</summary>
    [Parameter]
    public IReadOnlyList<int>? TestLabels { get; set; }

    /// <summary>Current threshold by algorithm id; a missing id uses the threshold the result was scored at.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, double>? Thresholds { get; set; }

    /// <summary>What a model that guesses would draw: a thin grey dashed line, without hover.</summary>
    public static Scatter GuessLine(string name, double[] x, double[] y) => new()
    {
        Name = name,
        X = [.. x.Cast<object>()],
        Y = [.. y.Cast<object>()],
        Mode = ModeFlag.Lines,
        Line = new Line { Color = ChartStyle.NeutralColor, Dash = "dash", Width = 1 },
        HoverInfo = HoverInfoFlag.Skip,
    };

    /// <summary>
    /// The point at (<paramref name="x"/>, <paramref name="y"/>) in the result's colour with a white rim (it sits on its own
    /// curve), named "… at threshold t" and grouped with the curve, so hiding the curve in the legend hides it too.
    /// </summary>
    /// <param name="name">The result's name, already escaped.</param>
    /// <param name="details">Hover lines after the name, already escaped.</param>
    public static Scatter Marker(AlgorithmResult result, string name, double threshold, double x, double y, string details)
    {
        var label = $"{name} at threshold {DisplayFormat.Metric(threshold)}";
        return new Scatter
        {
            Name = label,
            LegendGroup = result.AlgorithmId,
            ShowLegend = false,
            X = [x],
            Y = [y],
            Mode = ModeFlag.Markers,
            Marker = new Marker
            {
                Color = ChartStyle.ColorOf(result.AlgorithmId),
                Size = 11,
                Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#FFFFFF", Width = 2 },
            },
            HoverTextArray = [$"{label}<br>{details}"],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
    }
}
