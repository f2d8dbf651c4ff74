using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Interop;
using Plotly.Blazor.LayoutLib.YAxisLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Components.Charts;

/// <summary>
/// A confusion matrix as a heatmap in the data set's own words: rows are what the rows really are,
/// columns what the model predicted; each cell shows its count and its share of the row, and its
/// hover names the kind of mistake ("false positive: predicted yes, actually no"). Cells are
/// coloured by row share, so the minority row is as readable as the majority one.
/// </summary>
public sealed partial class ConfusionMatrixChart : ChartBase
{
    [Parameter, EditorRequired]
    public ConfusionMatrix Confusion { get; set; } = new(0, 0, 0, 0);

    /// <summary>The data set's names for the target and its classes.</summary>
    [Parameter]
    public ClassLabels Classes { get; set; } = ClassLabels.Default;

    /// <summary>Called with the cell a user clicked (on the heatmap or its button); without it the cells are not clickable.</summary>
    [Parameter]
    public EventCallback<ConfusionCell> OnCellClicked { get; set; }

    /// <summary>The heatmap's layout: [actual][predicted], 0 = negative, 1 = positive.</summary>
    internal static readonly ConfusionCell[][] Cells =
    [
        [ConfusionCell.TrueNegative, ConfusionCell.FalsePositive],
        [ConfusionCell.FalseNegative, ConfusionCell.TruePositive],
    ];

    public ConfusionMatrixChart() => Height = "230px";

    /// <summary>A click on the heatmap names its cell by the axis labels Plotly hands back (the categories drawn).</summary>
    private Task OnPointClicked(EventDataPoint point)
    {
        if (Figure.Traces.FirstOrDefault() is not HeatMap heatmap) return Task.CompletedTask;
        var predicted = heatmap.X.ToList().FindIndex(x => Equals(x?.ToString(), point.X?.ToString()));
        var actual = heatmap.Y.ToList().FindIndex(y => Equals(y?.ToString(), point.Y?.ToString()));
        return predicted < 0 || actual < 0 ? Task.CompletedTask : OnCellClicked.InvokeAsync(Cells[actual][predicted]);
    }

    protected override ChartFigure BuildFigure() => Build(Confusion, Classes);

    /// <summary>One heatmap trace; row 0 = actually negative, row 1 = actually positive; column 0 = predicted negative.</summary>
    public static ChartFigure Build(ConfusionMatrix confusion, ClassLabels classes)
    {
        // Index = label: 0 negative, 1 positive. "yes", and "survived=yes".
        string[] own = [PlotlyText.Escape(classes.Of(0)), PlotlyText.Escape(classes.Of(1))];
        string[] described = [PlotlyText.Escape(classes.Describe(0)), PlotlyText.Escape(classes.Describe(1))];

        var rows = Cells.Select(row => row.Select(cell => new Cell(cell.ShortName(), cell.Describe(), confusion.CountIn(cell))).ToArray()).ToArray();
        var z = new List<object>();
        var text = new List<object>();
        var hover = new List<object>();
        for (var actual = 0; actual < 2; actual++)
        {
            var rowTotal = rows[actual][0].Count + rows[actual][1].Count;
            var shares = new double[2];
            var texts = new string[2];
            var hovers = new string[2];
            for (var predicted = 0; predicted < 2; predicted++)
            {
                var cell = rows[actual][predicted];
                shares[predicted] = rowTotal == 0 ? 0 : (double)cell.Count / rowTotal;
                var share = rowTotal == 0 ? "no rows" : DisplayFormat.Percent(shares[predicted]);
                texts[predicted] = $"{cell.Short} {DisplayFormat.Count(cell.Count)}<br>{share}";
                hovers[predicted] =
                    $"{cell.Name}: predicted {own[predicted]}, actually {own[actual]}<br>" +
                    $"{DisplayFormat.Count(cell.Count)} of the {DisplayFormat.Count(rowTotal)} test rows where {described[actual]} ({share})";
            }
            z.Add(shares);
            text.Add(texts);
            hover.Add(hovers);
        }

        var heatmap = new HeatMap
        {
            // Two lines each, so the labels fit a card a quarter of a projector wide without rotating.
            X = [$"predicted<br>{described[0]}", $"predicted<br>{described[1]}"],
            Y = [$"actually<br>{described[0]}", $"actually<br>{described[1]}"],
            Z = z,
            ZMin = 0,
            ZMax = 1,
            ColorScale = new object[] { new object[] { 0, "#F7FBFF" }, new object[] { 1, "#2171B5" } },
            ShowScale = false,
            Text = text,
            TextTemplate = "%{text}",
            HoverText = hover,
            HoverTemplate = "%{hovertext}<extra></extra>",
            XGap = 2,
            YGap = 2,
        };

        var layout = ChartStyle.NewLayout();
        layout.Margin!.B = 8;
        layout.Margin.L = 8;
        layout.Margin.R = 8;
        layout.Font!.Size = 11;
        layout.YAxis[0].AutoRange = AutoRangeEnum.Reversed; // actual negative on top, as scikit-learn draws it
        return new ChartFigure([heatmap], layout);
    }

    private readonly record struct Cell(string Short, string Name, int Count);
}
