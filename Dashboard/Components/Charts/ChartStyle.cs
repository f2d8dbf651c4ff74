using Dashboard.Core.Training;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.LayoutLib.XAxisLib;
using Plotly.Blazor.LayoutLib.YAxisLib;
using AxisTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using YAxisTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace Dashboard.Components.Charts;

/// <summary>
/// The look every chart shares: transparent backgrounds (the page's theme shows through, and
/// PlotlyFigure's CSS colours axis text from the MudBlazor palette, so dark mode works without a
/// redraw), margins, fonts, the algorithm and class colours, and the mode bar with its PNG button.
/// Every text given to <see cref="NewLayout"/> is escaped here.
/// </summary>
public static class ChartStyle
{
    public const string Transparent = "rgba(0,0,0,0)";

    /// <summary>Negative class (and "before").</summary>
    public const string NegativeColor = "#4C78A8";

    /// <summary>Positive class: the one the course cares about.</summary>
    public const string PositiveColor = "#F58518";

    /// <summary>Synthetic rows of the negative class: a lighter tint of its colour, hatched.</summary>
    public const string SyntheticNegativeColor = "#9ECAE9";

    /// <summary>Synthetic rows of the positive class.</summary>
    public const string SyntheticPositiveColor = "#FFBF79";

    /// <summary>Reference lines, baselines, things that are not the point of the chart.</summary>
    public const string NeutralColor = "#9E9E9E";

    /// <summary>Emphasis (columns with a slider, for example): MudBlazor's default primary.</summary>
    public const string HighlightColor = "#594AE2";

    /// <summary>What the reader pointed at, drawn over a dense cloud of class colours (a synthetic row's parents): magenta, clear on light and dark.</summary>
    public const string PointedColor = "#E0218A";

    /// <summary>The same colour for an algorithm in every chart, every session and the exported report: its place in the catalog.</summary>
    public static string ColorOf(string algorithmId) => Dashboard.Core.Export.SvgChart.ColorOf(algorithmId);

    public static Plotly.Blazor.Layout NewLayout(string? title = null, string? xTitle = null, string? yTitle = null) => new()
    {
        Title = title is null ? null : new Plotly.Blazor.LayoutLib.Title
        {
            Text = PlotlyText.Escape(title),
            Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 14 },
            X = 0.01m,
            XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left,
        },
        PaperBgColor = Transparent,
        PlotBgColor = Transparent,
        Font = new Font { Family = "Roboto, Helvetica, Arial, sans-serif", Size = 12 },
        Margin = new Margin { L = 56, R = 16, T = title is null ? 16 : 40, B = 48, Pad = 2 },
        XAxis = [new XAxis { Title = new AxisTitle { Text = PlotlyText.Escape(xTitle) }, AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.Height | Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.Width }],
        YAxis = [new YAxis { Title = new YAxisTitle { Text = PlotlyText.Escape(yTitle) }, AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.Height | Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.Width }],
        // Below everything (container bottom), so it never covers the x axis title however tall the tick labels are.
        Legend =
        [
            new Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                YRef = Plotly.Blazor.LayoutLib.LegendLib.YRefEnum.Container,
                Y = 0,
                YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
                X = 0,
                XAnchor = Plotly.Blazor.LayoutLib.LegendLib.XAnchorEnum.Left,
            },
        ],
        ModeBar = new ModeBar { BgColor = Transparent },
        HoverMode = HoverModeEnum.Closest,
    };

    /// <summary>
    /// A shape over the plot's whole height between two x values: a vertical line (a threshold) or a shaded band (a range
    /// of values). The caller sets its line or fill.
    /// </summary>
    public static Shape FullHeight(Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum type, double x0, double x1) => new()
    {
        Type = type,
        XRef = "x",
        YRef = "paper",
        X0 = x0,
        X1 = x1,
        Y0 = 0,
        Y1 = 1,
    };

    /// <summary>The mode bar on hover with the PNG download (named after the chart); no Plotly logo, no selection tools.</summary>
    public static Config Config(string fileName) => new()
    {
        // "hover" is Plotly's default; the enum's True would be sent as the string "True", which Plotly ignores.
        DisplayModeBar = DisplayModeBarEnum.Hover,
        DisplayLogo = false,
        Responsive = true,
        ModeBarButtonsToRemove = new[] { "lasso2d", "select2d" },
        ToImageButtonOptions = new { format = "png", filename = fileName, scale = 2 },
    };
}
