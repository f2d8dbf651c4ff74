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

    /// <summary>False: predicted vs actual; true: residuals vs predicted.</summary>
    private bool Residuals { get; set; }

    protected override ChartFigure BuildFigure() => Build(Result, Relevance, Target, Residuals);

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
