using Dashboard.Components.Shared;
using Dashboard.Core.Importance;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// A column ranking as horizontal bars, most important on top. Either permutation importance (how much the test
/// metric drops when a column's values are shuffled, with the spread over the repeats as error bars) or, when
/// <see cref="Gains"/> is given, a tree ensemble's share of split gain per column. Columns that have a slider are
/// drawn in the highlight colour.
/// </summary>
public sealed partial class ImportanceChart : ChartBase
{
    [Parameter]
    public IReadOnlyList<ColumnImportance> Importances { get; set; } = [];

    /// <summary>The tree-gain ranking to draw instead of <see cref="Importances"/>.</summary>
    [Parameter]
    public IReadOnlyList<ColumnGain>? Gains { get; set; }

    /// <summary>The metric whose drop was measured, for the axis title.</summary>
    [Parameter]
    public ImportanceMetric Metric { get; set; } = ImportanceMetric.RocAuc;

    /// <summary>Columns to draw in the highlight colour (those with a slider).</summary>
    [Parameter]
    public IReadOnlyCollection<string>? Highlighted { get; set; }

    public ImportanceChart() => Height = "";

    protected override ChartFigure BuildFigure() => Gains is { } gains ? Build(gains, Highlighted) : Build(Importances, Metric, Highlighted);

    /// <summary>The CSS height that fits every bar: the Height parameter when given, else by column count.</summary>
    internal string ChartHeight =>
        string.IsNullOrEmpty(Height) ? $"{Math.Clamp(90 + 26 * (Gains?.Count ?? Importances.Count), 200, 640)}px" : Height;

    /// <summary>Permutation importance: mean drop with its spread as error bars.</summary>
    public static ChartFigure Build(IReadOnlyList<ColumnImportance> importances, ImportanceMetric metric, IReadOnlyCollection<string>? highlighted)
    {
        var metricName = metric switch
        {
            ImportanceMetric.RocAuc => "ROC AUC",
            ImportanceMetric.R2 => "R²",
            _ => "F1",
        };
        var bars = importances.Select(i => new RankedBar(i.Column, i.MeanDrop, i.StandardDeviation,
            $"{PlotlyText.Escape(i.Column)}<br>{metricName} drops by {DisplayFormat.Metric(i.MeanDrop)} ± {DisplayFormat.Metric(i.StandardDeviation)} when shuffled"));
        return Build(bars, $"drop in test {metricName} when the column is shuffled", highlighted);
    }

    /// <summary>Tree gain: each column's share of the model's total split gain.</summary>
    public static ChartFigure Build(IReadOnlyList<ColumnGain> gains, IReadOnlyCollection<string>? highlighted)
    {
        var bars = gains.Select(g => new RankedBar(g.Column, g.Share, null,
            $"{PlotlyText.Escape(g.Column)}<br>{DisplayFormat.Percent(g.Share)} of the split gain on the training rows"));
        return Build(bars, "share of the trees' split gain (training rows)", highlighted);
    }

    /// <summary>One bar trace, columns in ascending order (Plotly draws the first category at the bottom).</summary>
    private static ChartFigure Build(IEnumerable<RankedBar> bars, string axisTitle, IReadOnlyCollection<string>? highlighted)
    {
        var ordered = bars.OrderBy(b => b.Value).ThenByDescending(b => b.Column, StringComparer.Ordinal).ToList();
        var bar = new Bar
        {
            Orientation = OrientationEnum.H,
            Y = [.. ordered.Select(b => (object)PlotlyText.Escape(b.Column))],
            X = [.. ordered.Select(b => (object)b.Value)],
            Marker = new Marker
            {
                ColorArray = [.. ordered.Select(b => (object)(highlighted?.Contains(b.Column) == true ? ChartStyle.HighlightColor : ChartStyle.NegativeColor))],
            },
            HoverTextArray = [.. ordered.Select(b => b.Hover)],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
        if (ordered.Any(b => b.Spread is not null))
        {
            bar.ErrorX = new ErrorX
            {
                Type = Plotly.Blazor.Traces.BarLib.ErrorXLib.TypeEnum.Data,
                Array = [.. ordered.Select(b => (object)(b.Spread ?? 0))],
                Visible = true,
                Color = ChartStyle.NeutralColor,
            };
        }
        var layout = ChartStyle.NewLayout(null, axisTitle);
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.ShowLegend = false;
        return new ChartFigure([bar], layout);
    }

    private sealed record RankedBar(string Column, double Value, double? Spread, string Hover);
}
