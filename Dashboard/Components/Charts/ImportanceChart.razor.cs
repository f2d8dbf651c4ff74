using Dashboard.Components.Shared;
using Dashboard.Core.Importance;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// Permutation importance as horizontal bars, most important on top: how much the test metric
/// drops when a column's values are shuffled, with the spread over the repeats as error bars.
/// Columns that have a slider are drawn in the highlight colour.
/// </summary>
public sealed partial class ImportanceChart : ChartBase
{
    [Parameter, EditorRequired]
    public IReadOnlyList<ColumnImportance> Importances { get; set; } = [];

    /// <summary>The metric whose drop was measured, for the axis title.</summary>
    [Parameter]
    public ImportanceMetric Metric { get; set; } = ImportanceMetric.RocAuc;

    /// <summary>Columns to draw in the highlight colour (those with a slider).</summary>
    [Parameter]
    public IReadOnlyCollection<string>? Highlighted { get; set; }

    public ImportanceChart() => Height = "";

    protected override ChartFigure BuildFigure() => Build(Importances, Metric, Highlighted);

    /// <summary>The CSS height that fits every bar: the Height parameter when given, else by column count.</summary>
    internal string ChartHeight => string.IsNullOrEmpty(Height) ? $"{Math.Clamp(90 + 26 * Importances.Count, 200, 640)}px" : Height;

    /// <summary>One bar trace, columns in ascending order of mean drop (Plotly draws the first category at the bottom).</summary>
    public static ChartFigure Build(IReadOnlyList<ColumnImportance> importances, ImportanceMetric metric, IReadOnlyCollection<string>? highlighted)
    {
        var ordered = importances.OrderBy(i => i.MeanDrop).ThenByDescending(i => i.Column, StringComparer.Ordinal).ToList();
        var metricName = metric == ImportanceMetric.RocAuc ? "ROC AUC" : "F1";
        var bar = new Bar
        {
            Orientation = OrientationEnum.H,
            Y = [.. ordered.Select(i => (object)PlotlyText.Escape(i.Column))],
            X = [.. ordered.Select(i => (object)i.MeanDrop)],
            ErrorX = new ErrorX
            {
                Type = Plotly.Blazor.Traces.BarLib.ErrorXLib.TypeEnum.Data,
                Array = [.. ordered.Select(i => (object)i.StandardDeviation)],
                Visible = true,
                Color = ChartStyle.NeutralColor,
            },
            Marker = new Marker
            {
                ColorArray = [.. ordered.Select(i => (object)(highlighted?.Contains(i.Column) == true ? ChartStyle.HighlightColor : ChartStyle.NegativeColor))],
            },
            HoverTextArray = [.. ordered.Select(i =>
                $"{PlotlyText.Escape(i.Column)}<br>{metricName} drops by {DisplayFormat.Metric(i.MeanDrop)} ± {DisplayFormat.Metric(i.StandardDeviation)} when shuffled")],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
        var layout = ChartStyle.NewLayout(null, $"drop in test {metricName} when the column is shuffled");
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.ShowLegend = false;
        return new ChartFigure([bar], layout);
    }
}
