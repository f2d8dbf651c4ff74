using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;
using Plotly.Blazor.Traces.BarLib.MarkerLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// One feature before and after resampling, side by side on one count scale: the original training
/// rows on the left; on the right the real rows that were kept and, hatched in a lighter tint, the
/// synthetic rows SMOTE added; both split by class. Histogram bars (the distribution's own bins)
/// for a numeric column, one bar per category for a categorical one.
/// </summary>
public sealed partial class DistributionChart : ChartBase
{
    /// <summary>The original training rows.</summary>
    [Parameter, EditorRequired]
    public Distribution Before { get; set; } = default!;

    /// <summary>The real (not synthetic) rows of the resampled training set, binned like <see cref="Before"/>.</summary>
    [Parameter, EditorRequired]
    public Distribution After { get; set; } = default!;

    /// <summary>The synthetic rows, binned the same way; null when nothing was added.</summary>
    [Parameter]
    public Distribution? Synthetic { get; set; }

    /// <summary>The data set's names for the target and its classes.</summary>
    [Parameter]
    public ClassLabels Classes { get; set; } = ClassLabels.Default;

    protected override ChartFigure BuildFigure() =>
        Before is null || After is null ? ChartFigure.Empty : Build(Before, After, Synthetic, Classes);

    /// <summary>
    /// Traces on x/y (before): one per class; on x2/y2 (after): one per class of real rows, then one
    /// per class of synthetic rows. Without a class split each side has a single "rows" trace.
    /// </summary>
    public static ChartFigure Build(Distribution before, Distribution after, Distribution? synthetic, ClassLabels classes)
    {
        string[] classNames = [PlotlyText.Escape(classes.Describe(0)), PlotlyText.Escape(classes.Describe(1))];
        string[] colors = [ChartStyle.NegativeColor, ChartStyle.PositiveColor];
        string[] syntheticColors = [ChartStyle.SyntheticNegativeColor, ChartStyle.SyntheticPositiveColor];

        var traces = new List<ITrace>();
        traces.AddRange(Series(before, "before", "x", "y", classNames, colors, synthetic: false, showLegend: false));
        traces.AddRange(Series(after, "after", "x2", "y2", classNames, colors, synthetic: false, showLegend: true));
        if (synthetic is not null && synthetic.Counts.Sum() > 0)
        {
            traces.AddRange(Series(synthetic, "synthetic", "x2", "y2", classNames, syntheticColors, synthetic: true, showLegend: true));
        }

        var numeric = before.Kind == ColumnKind.Numeric;
        var column = PlotlyText.Escape(before.Column);
        var layout = ChartStyle.NewLayout();
        layout.Margin!.T = 36;
        layout.BarMode = BarModeEnum.Stack;
        layout.BarGap = numeric ? 0 : 0.2m;
        var axisType = numeric ? Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear : Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.XAxis =
        [
            new Plotly.Blazor.LayoutLib.XAxis { Domain = [0.0, 0.48], Anchor = "y", Type = axisType, Title = new() { Text = column }, AutoMargin = XAutoMargin },
            new Plotly.Blazor.LayoutLib.XAxis { Domain = [0.52, 1.0], Anchor = "y2", Type = axisType, Title = new() { Text = column }, AutoMargin = XAutoMargin, Matches = numeric ? "x" : null },
        ];
        layout.YAxis =
        [
            new Plotly.Blazor.LayoutLib.YAxis { Anchor = "x", Title = new() { Text = "training rows" } },
            // Same scale on both sides: the eye compares bar heights across the two panels.
            new Plotly.Blazor.LayoutLib.YAxis { Anchor = "x2", Matches = "y", ShowTickLabels = false },
        ];
        var syntheticRows = synthetic?.Counts.Sum() ?? 0;
        layout.Annotations =
        [
            PanelTitle(0.24m, $"before: {DisplayFormat.Count(before.Counts.Sum())} original rows{Missing(before)}"),
            PanelTitle(0.76m, $"after: {DisplayFormat.Count(after.Counts.Sum() + syntheticRows)} rows" +
                (syntheticRows > 0 ? $" (+{DisplayFormat.Count(syntheticRows)} synthetic)" : "") + Missing(after)),
        ];
        return new ChartFigure(traces, layout);
    }

    private const Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag XAutoMargin =
        Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.Height | Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.Width;

    internal static string FileSafe(string? name) =>
        string.Concat((name ?? "column").Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    private static IEnumerable<Bar> Series(Distribution distribution, string side, string xAxis, string yAxis,
        string[] classNames, string[] colors, bool synthetic, bool showLegend)
    {
        var bins = Bins.Of(distribution);
        var prefix = synthetic ? "synthetic " : "";
        if (distribution.CountsByClass is not { Count: 2 } byClass)
        {
            yield return Bars($"{prefix}rows", side, bins, distribution.Counts, xAxis, yAxis, colors[0], synthetic, showLegend, "rows");
            yield break;
        }
        for (var label = 0; label < 2; label++)
        {
            yield return Bars($"{prefix}{classNames[label]}", side, bins, byClass[label], xAxis, yAxis, colors[label], synthetic, showLegend,
                classNames[label]);
        }
    }

    private static Bar Bars(string name, string side, Bins bins, IReadOnlyList<int> counts, string xAxis, string yAxis,
        string color, bool synthetic, bool showLegend, string group) => new()
    {
        Name = name,
        LegendGroup = synthetic ? $"synthetic {group}" : group,
        ShowLegend = showLegend,
        X = bins.X,
        WidthArray = bins.Widths,
        Y = [.. counts.Select(c => (object)c)],
        XAxis = xAxis,
        YAxis = yAxis,
        Marker = new Marker
        {
            Color = color,
            // Overlay keeps the tint as the background and hatches it in the class's own colour.
            Pattern = synthetic
                ? new Pattern { Shape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, FillMode = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.FillModeEnum.Overlay, Solidity = 0.25m }
                : null,
        },
        HoverTextArray = [.. bins.Labels.Select((label, i) => $"{name} ({side})<br>{label}: {DisplayFormat.Count(counts[i])} rows")],
        HoverTemplate = "%{hovertext}<extra></extra>",
    };

    /// <summary>
    /// Where the bars go. Numeric: at the bin centres on a number line, as wide as the bins (a true
    /// histogram, readable ticks); the bin labels are kept for the hover. Categorical: one category each.
    /// </summary>
    private sealed record Bins(IList<object> X, IList<decimal?>? Widths, IReadOnlyList<string> Labels)
    {
        public static Bins Of(Distribution distribution)
        {
            var labels = distribution.Labels.Select(PlotlyText.Escape).ToList();
            var edges = distribution.BinEdges;
            if (distribution.Kind != ColumnKind.Numeric || edges.Count != labels.Count + 1)
            {
                return new Bins([.. labels.Cast<object>()], null, labels);
            }
            return new Bins(
                [.. labels.Select((_, i) => (object)((edges[i] + edges[i + 1]) / 2))],
                // decimal (Plotly.Blazor's type) cannot hold every double: such widths are left to Plotly.
                [.. labels.Select((_, i) => edges[i + 1] - edges[i] is > 0 and < 1e27 and var width ? (decimal?)(decimal)width : null)],
                labels);
        }
    }

    private static Annotation PanelTitle(decimal x, string text) => new()
    {
        Text = text,
        X = x,
        XRef = "paper",
        Y = 1.0,
        YRef = "paper",
        XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Center,
        YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
        ShowArrow = false,
        // A size below the axis text: in a half-width card the two titles ("…, 685 missing") otherwise run into each other.
        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11 },
    };

    private static string Missing(Distribution distribution) =>
        distribution.MissingCount > 0 ? $", {DisplayFormat.Count(distribution.MissingCount)} missing" : "";
}
