using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// A regressor's test rows: predicted against actual value (a perfect model puts every point on the diagonal), or the
/// residual (actual − predicted) against the prediction. Rare values are drawn in the positive colour and their range
/// is shaded, so the class sees where the model misses most: that is what the rare-values slider acts on.
/// </summary>
public sealed partial class PredictedActualChart : ChartBase
{
    [Parameter, EditorRequired]
    public AlgorithmResult Result { get; set; } = default!;

    /// <summary>Which true values are rare (the shaded range); null draws every row alike.</summary>
    [Parameter]
    public RelevanceFunction? Relevance { get; set; }

    /// <summary>The target's name, for the axes ("Sale_Price").</summary>
    [Parameter]
    public string Target { get; set; } = "target";

    private RegressionPlot Plot { get; set; }

    protected override ChartFigure BuildFigure() => Plot == RegressionPlot.ErrorByDecile
        ? ErrorByDecile(Result, Relevance, Target)
        : Build(Result, Relevance, Target, residuals: Plot == RegressionPlot.Residuals);

    /// <summary>The common rows, then the rare rows, then the reference line (the diagonal, or zero residual); the rare range shaded.</summary>
    public static ChartFigure Build(AlgorithmResult result, RelevanceFunction? relevance, string target, bool residuals = false)
    {
        var (actual, predicted) = (result.TestTargets, result.TestPredictions);
        var rows = Enumerable.Range(0, Math.Min(actual.Count, predicted.Count)).ToArray();
        var rare = rows.Where(i => relevance?.IsRare(actual[i]) == true).ToArray();
        var common = rows.Except(rare).ToArray();
        double X(int i) => residuals ? predicted[i] : actual[i];
        double Y(int i) => residuals ? actual[i] - predicted[i] : predicted[i];
        var traces = new List<ITrace>
        {
            // Without a relevance function (a stored run) no row is known to be rare: they are just the test rows.
            Points(relevance is null ? "test rows" : "common values", common, X, Y, actual, predicted, ChartStyle.NegativeColor),
        };
        if (relevance is not null) traces.Add(Points("rare values", rare, X, Y, actual, predicted, ChartStyle.PositiveColor));
        var layout = residuals
            ? ChartStyle.NewLayout(null, $"predicted {target}", "residual (actual − predicted)")
            : ChartStyle.NewLayout(null, $"actual {target}", $"predicted {target}");
        if (rows.Length > 0)
        {
            var low = rows.Min(i => Math.Min(actual[i], predicted[i]));
            var high = rows.Max(i => Math.Max(actual[i], predicted[i]));
            traces.Add(new Scatter
            {
                Name = residuals ? "no error" : "perfect prediction",
                X = [low, high],
                Y = residuals ? [0.0, 0.0] : [low, high],
                Mode = ModeFlag.Lines,
                Line = new Line { Color = ChartStyle.NeutralColor, Dash = "dash", Width = 1.5m },
                HoverInfo = HoverInfoFlag.Skip,
            });
            // The rare range is a range of TRUE values: shaded on the actual axis only (residuals are plotted against the prediction).
            if (!residuals && rare.Length > 0) layout.Shapes = [RareBand(rare.Min(i => actual[i]), high)];
        }
        return new ChartFigure(traces, layout);
    }

    /// <summary>
    /// The test rows sorted by true value and cut into ten nearly equal parts (as numpy's array_split): one bar per part, its
    /// mean absolute error, in the positive colour when most of its rows are rare. Skewed targets show the rare tail's misses.
    /// </summary>
    public static ChartFigure ErrorByDecile(AlgorithmResult result, RelevanceFunction? relevance, string target)
    {
        var (actual, predicted) = (result.TestTargets, result.TestPredictions);
        var order = Enumerable.Range(0, Math.Min(actual.Count, predicted.Count)).OrderBy(i => actual[i]).ToArray();
        var parts = Math.Min(10, order.Length);
        var bars = Enumerable.Range(0, parts).Select(d =>
        {
            // array_split: the first (n mod 10) parts get one row more.
            var (size, extra) = (order.Length / parts, order.Length % parts);
            var start = d * size + Math.Min(d, extra);
            var rows = order.Skip(start).Take(size + (d < extra ? 1 : 0)).ToArray();
            var rare = rows.Count(i => relevance?.IsRare(actual[i]) == true);
            return (Label: $"{d + 1}: ≤ {DisplayFormat.Compact(actual[rows[^1]])}", Mae: rows.Average(i => Math.Abs(actual[i] - predicted[i])),
                Rare: 2 * rare > rows.Length, Rows: rows.Length);
        }).ToArray();
        var trace = new Bar
        {
            Name = "mean absolute error",
            X = [.. bars.Select(b => (object)b.Label)],
            Y = [.. bars.Select(b => (object)b.Mae)],
            Marker = new Plotly.Blazor.Traces.BarLib.Marker
            {
                ColorArray = [.. bars.Select(b => (object)(b.Rare ? ChartStyle.PositiveColor : ChartStyle.NegativeColor))],
            },
            HoverTextArray = [.. bars.Select(b => $"{b.Rows} test rows up to {b.Label[(b.Label.IndexOf('≤') + 2)..]}<br>MAE {DisplayFormat.Compact(b.Mae)}")],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
        return new ChartFigure([trace], ChartStyle.NewLayout(null, $"tenth of the test rows by actual {target} (orange: mostly rare values)", "mean absolute error"));
    }

    private static Scatter Points(string name, int[] rows, Func<int, double> x, Func<int, double> y, IReadOnlyList<double> actual,
        IReadOnlyList<double> predicted, string color) => new()
    {
        Name = $"{name} ({DisplayFormat.Count(rows.Length)})",
        X = [.. rows.Select(i => (object)x(i))],
        Y = [.. rows.Select(i => (object)y(i))],
        Mode = ModeFlag.Markers,
        Marker = new Marker { Color = color, Size = 5, Opacity = 0.6m },
        HoverTextArray = [.. rows.Select(i => $"actual {DisplayFormat.Compact(actual[i])}<br>predicted {DisplayFormat.Compact(predicted[i])}")],
        HoverTemplate = "%{hovertext}<extra></extra>",
    };

    private static Shape RareBand(double from, double to)
    {
        var band = ChartStyle.FullHeight(Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, from, to);
        band.FillColor = ChartStyle.PositiveColor;
        band.Opacity = 0.08m;
        band.Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below;
        band.Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Width = 0 };
        return band;
    }
}
