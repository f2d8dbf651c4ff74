using System.Globalization;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Explanations;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Dashboard.Components.Explanations;

/// <summary>
/// One row's explanation as a horizontal waterfall, read top to bottom: the average output over the background rows,
/// then each original column's push up or down (largest first, the smallest folded into one bar), ending at this
/// row's output. A sampling estimate draws each push's standard error as a whisker at the end of its bar.
/// </summary>
public sealed partial class WaterfallChart : ChartBase
{
    /// <summary>Columns drawn as bars of their own; the rest are summed into one.</summary>
    public const int DefaultColumns = 8;

    [Parameter, EditorRequired]
    public RowExplanation Explanation { get; set; } = default!;

    /// <summary>This row's value in each original column ("male"), shown beside the column's name; optional.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? Values { get; set; }

    [Parameter]
    public int Columns { get; set; } = DefaultColumns;

    public WaterfallChart() => Height = "";

    internal string ChartHeight => string.IsNullOrEmpty(Height) ? $"{110 + 24 * (Math.Min(Columns, Explanation.Contributions.Count) + 3)}px" : Height;

    protected override ChartFigure BuildFigure() => Build(Explanation, Values, Columns);

    /// <summary>The bars, top to bottom: "average", the columns by |contribution|, "other columns" when some were folded, "this row".</summary>
    public static ChartFigure Build(RowExplanation explanation, IReadOnlyDictionary<string, string>? values, int columns = DefaultColumns)
    {
        var steps = Steps(explanation, values, columns);
        var labels = steps.Select(s => (object)PlotlyText.Escape(s.Label)).ToList();
        var waterfall = new Waterfall
        {
            Orientation = Plotly.Blazor.Traces.WaterfallLib.OrientationEnum.H,
            Measure = [.. steps.Select(s => (object)s.Measure)],
            Y = labels,
            X = [.. steps.Select(s => (object)s.Value)],
            TextArray = [.. steps.Select(s => s.Text)],
            TextPosition = Plotly.Blazor.Traces.WaterfallLib.TextPositionEnum.Outside,
            HoverTextArray = [.. steps.Select(s => PlotlyText.Escape(s.Hover))],
            HoverTemplate = "%{hovertext}<extra></extra>",
            Increasing = new Plotly.Blazor.Traces.WaterfallLib.Increasing
            {
                Marker = new Plotly.Blazor.Traces.WaterfallLib.IncreasingLib.Marker { Color = ChartStyle.PositiveColor },
            },
            Decreasing = new Plotly.Blazor.Traces.WaterfallLib.Decreasing
            {
                Marker = new Plotly.Blazor.Traces.WaterfallLib.DecreasingLib.Marker { Color = ChartStyle.NegativeColor },
            },
            Totals = new Plotly.Blazor.Traces.WaterfallLib.Totals
            {
                Marker = new Plotly.Blazor.Traces.WaterfallLib.TotalsLib.Marker { Color = ChartStyle.NeutralColor },
            },
            Connector = new Plotly.Blazor.Traces.WaterfallLib.Connector { Mode = Plotly.Blazor.Traces.WaterfallLib.ConnectorLib.ModeEnum.Between },
        };
        List<ITrace> traces = [waterfall];
        if (steps.Any(s => s.StandardError is not null))
        {
            // A waterfall has no error bars: invisible points at each bar's end carry them.
            traces.Add(new Scatter
            {
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Y = labels,
                X = [.. steps.Select(s => (object)s.End)],
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Opacity = 0, Size = 1 },
                ErrorX = new Plotly.Blazor.Traces.ScatterLib.ErrorX
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorXLib.TypeEnum.Data,
                    Array = [.. steps.Select(s => (object)(s.StandardError ?? 0))],
                    Visible = true,
                    Color = "#424242",
                    Thickness = 1.5m,
                },
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
                ShowLegend = false,
            });
        }
        var layout = ChartStyle.NewLayout(null, explanation.Output);
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed; // the average on top, this row at the bottom
        layout.ShowLegend = false;
        layout.Margin!.T = 8;
        // Room beside the bars for their numbers (drawn outside): Plotly's own range would cut them off at the edges.
        var (lo, hi) = Extent(steps);
        var pad = 0.2 * Math.Max(hi - lo, 1e-9);
        layout.XAxis[0].Range = [lo - pad, hi + pad];
        return new ChartFigure(traces, layout);
    }

    /// <summary>The waterfall's bars with where each ends (for the whiskers); the folded columns' errors add in quadrature.</summary>
    internal static IReadOnlyList<WaterfallStep> Steps(RowExplanation explanation, IReadOnlyDictionary<string, string>? values, int columns)
    {
        var shown = explanation.Contributions.Take(columns).ToList();
        var folded = explanation.Contributions.Skip(columns).ToList();
        var steps = new List<WaterfallStep> { new("average", "absolute", explanation.BaseValue, explanation.BaseValue, Signed(explanation.BaseValue, plus: false),
            $"average {explanation.Output} over the background rows: {Number(explanation.BaseValue)}", null) };
        var end = explanation.BaseValue;
        foreach (var c in shown)
        {
            end += c.Contribution;
            var label = values?.GetValueOrDefault(c.Column) is { } value ? $"{c.Column} = {value}" : c.Column;
            steps.Add(new(label, "relative", c.Contribution, end, Signed(c.Contribution, plus: true) + Error(c.StandardError),
                $"{label}: {Signed(c.Contribution, plus: true)}{Error(c.StandardError)}", c.StandardError));
        }
        if (folded.Count > 0)
        {
            var sum = folded.Sum(c => c.Contribution);
            double? error = folded.Any(c => c.StandardError is not null) ? Math.Sqrt(folded.Sum(c => Math.Pow(c.StandardError ?? 0, 2))) : null;
            end += sum;
            var label = folded.Count == 1 ? "1 other column" : $"{folded.Count} other columns";
            steps.Add(new(label, "relative", sum, end, Signed(sum, plus: true) + Error(error), $"{label} together: {Signed(sum, plus: true)}{Error(error)}", error));
        }
        steps.Add(new("this row", "total", 0, explanation.Value, Signed(explanation.Value, plus: false),
            $"this row's {explanation.Output}: {Number(explanation.Value)}", null));
        return steps;
    }

    /// <summary>The lowest and highest value any bar reaches, 0 included (the average and this row are drawn from 0).</summary>
    internal static (double Lo, double Hi) Extent(IReadOnlyList<WaterfallStep> steps)
    {
        var reached = steps.SelectMany(s => s.Measure == "relative" ? new[] { s.End - s.Value, s.End } : [0, s.End]).ToArray();
        return (reached.Min(), reached.Max());
    }

    private static string Number(double value) => value.ToString("0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value, bool plus) => plus ? value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture) : Number(value);

    private static string Error(double? standardError) => standardError is { } se ? $" ± {Number(se)}" : "";
}
