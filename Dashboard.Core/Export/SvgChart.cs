using System.Globalization;
using System.Net;
using System.Text;

namespace Dashboard.Core.Export;

/// <summary>
/// Small static line charts as inline SVG for the report: no script, no external file, readable in
/// any browser and printable. Every text is HTML-encoded.
/// </summary>
public static class SvgChart
{
    private const int Width = 460;
    private const int Height = 340;
    private const int Left = 52;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 44;

    // The legend: one entry a row (a long name never runs into its neighbour), its first row a clear gap
    // below the x axis title (which sits at the bottom of the Bottom margin).
    private const int LegendGap = 10;
    private const int LegendRow = 18;
    private const int LegendFont = 11;

    // The dashboard's algorithm colours (Tableau 10 without the class colours), in catalog order.
    // One colour per catalog entry (12), so the extras a room adds never repeat a card's colour: Tableau 10 without its
    // blue and orange (the classes' colours), then four from Tableau 20.
    private static readonly string[] Palette = ["#54A24B", "#E45756", "#B279A2", "#72B7B2", "#EECA3B", "#9D755D", "#FF9DA6", "#4C78A8",
        "#8CD17D", "#B6992D", "#499894", "#D37295"];

    /// <summary>One line of a chart.</summary>
    /// <param name="Markers">A dot on every point.</param>
    /// <param name="Dashed">A reference line (what a guess would do), not a result.</param>
    /// <param name="Steps">Across then up or down from each point to the next: a curve that holds its value between points (precision-recall).</param>
    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Markers = false,
        bool Dashed = false, bool Steps = false);

    /// <summary>The same colour for an algorithm as on the dashboard.</summary>
    public static string ColorOf(string algorithmId)
    {
        var index = AlgorithmOrder.IndexOf(algorithmId);
        if (index < 0) index = algorithmId.Aggregate(0, (sum, c) => unchecked(sum * 31 + c)) & int.MaxValue;
        return Palette[index % Palette.Length];
    }

    /// <summary>A line chart with axes from (xMin, yMin) to (xMax, yMax), a legend below, an optional dashed diagonal, and x ticks where given (else five even ones).</summary>
    public static string Lines(string title, string xTitle, string yTitle, IReadOnlyList<Series> series,
        (double Min, double Max) x, (double Min, double Max) y, bool diagonal = false, IReadOnlyList<double>? xTicks = null)
    {
        var height = Height + LegendGap + series.Count * LegendRow;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" class=\"chart-title\">{E(title)}</text>");
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        string Px(double v) => F(Left + (v - x.Min) / (x.Max - x.Min) * plotW);
        string Py(double v) => F(Top + plotH - (v - y.Min) / (y.Max - y.Min) * plotH);

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#bbb\"/>");
        foreach (var xv in xTicks ?? Enumerable.Range(0, 5).Select(i => x.Min + (x.Max - x.Min) * i / 4).ToList())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(xv)}\" y1=\"{Top}\" x2=\"{Px(xv)}\" y2=\"{Top + plotH}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(xv)}\" y=\"{Top + plotH + 14}\" text-anchor=\"middle\" class=\"tick\">{Tick(xv)}</text>");
        }
        for (var i = 0; i <= 4; i++)
        {
            var yv = y.Min + (y.Max - y.Min) * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Py(yv)}\" x2=\"{Left + plotW}\" y2=\"{Py(yv)}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Py(yv)}\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">{Tick(yv)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotW / 2}\" y=\"{Top + plotH + 32}\" text-anchor=\"middle\" class=\"axis\">{E(xTitle)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">{E(yTitle)}</text>");
        if (diagonal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(x.Min)}\" y1=\"{Py(y.Min)}\" x2=\"{Px(x.Max)}\" y2=\"{Py(y.Max)}\" stroke=\"#9E9E9E\" stroke-dasharray=\"4 4\"/>");
        }
        foreach (var line in series)
        {
            var points = string.Join(" ", (line.Steps ? StepCorners(line.Points) : line.Points).Select(p => $"{Px(p.X)},{Py(p.Y)}"));
            var stroke = line.Dashed ? "stroke-width=\"1\" stroke-dasharray=\"4 4\"" : "stroke-width=\"2\"";
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{E(line.Color)}\" {stroke} points=\"{points}\"><title>{E(line.Name)}</title></polyline>");
            if (!line.Markers) continue;
            foreach (var p in line.Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Px(p.X)}\" cy=\"{Py(p.Y)}\" r=\"3.5\" fill=\"{E(line.Color)}\"><title>{E(line.Name)}: {Tick(p.Y, "0.000")}</title></circle>");
            }
        }
        for (var i = 0; i < series.Count; i++)
        {
            // The row's text baseline: a full font height below the row's top, so no letter reaches into the row above.
            var ly = Height + LegendGap + i * LegendRow + LegendFont;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{ly - 6}\" width=\"14\" height=\"4\" fill=\"{E(series[i].Color)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 20}\" y=\"{ly}\" class=\"legend\">{E(series[i].Name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Each point, then the corner where the line turns to reach the next one: across at this point's value, then up or down.</summary>
    private static IEnumerable<(double X, double Y)> StepCorners(IReadOnlyList<(double X, double Y)> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            yield return points[i];
            if (i + 1 < points.Count) yield return (points[i + 1].X, points[i].Y);
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Tick(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
