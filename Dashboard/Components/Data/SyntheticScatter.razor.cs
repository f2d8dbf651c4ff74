using System.Globalization;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Interop;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace Dashboard.Components.Data;

/// <summary>
/// The synthetic-row inspector's scatter (issue 13): a sample of the real training rows coloured by class, the synthetic
/// rows as diamonds, over two numeric columns the reader picks (the two most important by default). Hovering over a
/// synthetic row, or clicking it, draws the segment from its parent A to its parent B through it.
/// </summary>
public sealed partial class SyntheticScatter : ChartBase
{
    /// <summary>At most this many real rows and this many synthetic rows are drawn (evenly spread over all of them).</summary>
    public const int MaxPoints = 2000;

    private string? _x;
    private string? _y;
    private ResampledTrainingSet? _builtFor;

    /// <summary>The training rows after resampling; they must have synthetic rows.</summary>
    [Parameter, EditorRequired]
    public ResampledTrainingSet Resampled { get; set; } = default!;

    /// <summary>The feature columns, most important first: the numeric ones can be axes.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> Columns { get; set; } = [];

    /// <summary>The class names for the legend: label 0 and label 1.</summary>
    [Parameter]
    public ClassLabels Classes { get; set; } = ClassLabels.Default;

    /// <summary>The synthetic row whose parents are drawn (its index among the synthetic rows), if any.</summary>
    public int? Selected { get; private set; }

    public SyntheticScatter() => Height = "420px";

    private IReadOnlyList<string> NumericColumns => NumericOf(Resampled, Columns);

    private string XColumn => _x is { } x && NumericColumns.Contains(x) ? x : NumericColumns[0];

    private string YColumn => _y is { } y && NumericColumns.Contains(y) ? y : NumericColumns[1];

    private string Counts
    {
        get
        {
            var (real, synthetic) = (Sample(Resampled.OriginalRows.Count).Count, Sample(Resampled.Synthetic.RowCount).Count);
            return string.Create(CultureInfo.InvariantCulture,
                $"{real:N0} of {Resampled.OriginalRows.Count:N0} real training rows and {synthetic:N0} of {Resampled.Synthetic.RowCount:N0} synthetic rows drawn (rows with a blank in either column are not).");
        }
    }

    /// <summary>The columns that can be axes: numeric in the data and among the synthetic rows' columns, in the given order.</summary>
    public static IReadOnlyList<string> NumericOf(ResampledTrainingSet set, IReadOnlyList<string> columns) =>
        columns.Where(c => set.Source.HasColumn(c) && set.Source.Column(c) is NumericColumn && set.Synthetic.HasColumn(c)).Distinct().ToArray();

    protected override void OnParametersSet()
    {
        // New training rows: the old selection names another row.
        if (!ReferenceEquals(_builtFor, Resampled)) (Selected, _builtFor) = (null, Resampled);
        base.OnParametersSet();
    }

    protected override ChartFigure BuildFigure() =>
        NumericColumns.Count < 2 ? ChartFigure.Empty : Build(Resampled, XColumn, YColumn, Classes, Selected);

    private void Choose(string x, string y)
    {
        (_x, _y) = (x, y);
        Rebuild();
    }

    /// <summary>A hover or click: on a synthetic row it selects that row; anywhere else it keeps the selection.</summary>
    private void Select(EventDataPoint point)
    {
        if (SyntheticIndexOf(Figure, point) is { } index && index != Selected)
        {
            Selected = index;
            Rebuild();
        }
    }

    /// <summary>The synthetic row under a hovered or clicked point: its index travels in the trace's custom data.</summary>
    public static int? SyntheticIndexOf(ChartFigure figure, EventDataPoint point)
    {
        // The numbers arrive as JSON elements from the browser (ints in tests): read them from their text.
        if (!int.TryParse(point.CurveNumber?.ToString(), CultureInfo.InvariantCulture, out var curve) || curve < 0 || curve >= figure.Traces.Count
            || figure.Traces[curve] is not Scatter { Meta: SyntheticMeta } trace
            || !int.TryParse(point.PointNumber?.ToString(), CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        return number >= 0 && number < trace.CustomData.Count ? (int)trace.CustomData[number] : null;
    }

    /// <summary>Marks the synthetic rows' traces (their custom data are the rows' indices).</summary>
    private const string SyntheticMeta = "synthetic";

    /// <summary>
    /// One trace per class of real rows (circles), one per class of synthetic rows (diamonds, the classes' lighter tints,
    /// each point's custom data its synthetic index), and, with a selected row, last, the segment from parent A through
    /// the row to parent B.
    /// </summary>
    public static ChartFigure Build(ResampledTrainingSet set, string xColumn, string yColumn, ClassLabels classes, int? selected = null)
    {
        var (x, y) = ((NumericColumn)set.Source.Column(xColumn), (NumericColumn)set.Source.Column(yColumn));
        var (sx, sy) = ((NumericColumn)set.Synthetic.Column(xColumn), (NumericColumn)set.Synthetic.Column(yColumn));
        var traces = new List<ITrace>();
        var real = Sample(set.OriginalRows.Count).Where(i => !x.IsMissing(set.OriginalRows[i]) && !y.IsMissing(set.OriginalRows[i])).ToArray();
        var synthetic = Sample(set.Synthetic.RowCount).Where(i => !sx.IsMissing(i) && !sy.IsMissing(i)).ToArray();
        foreach (var label in new[] { 0, 1 })
        {
            var rows = real.Where(i => set.Labels[i] == label).Select(i => set.OriginalRows[i]).ToArray();
            if (rows.Length > 0)
            {
                traces.Add(Points($"{PlotlyText.Escape(classes.Of(label))} (real)", rows.Select(r => x[r]), rows.Select(r => y[r]),
                    new Marker { Color = label == 1 ? ChartStyle.PositiveColor : ChartStyle.NegativeColor, Size = 5, Opacity = 0.55m, Symbol = SymbolEnum.Circle }));
            }
        }
        foreach (var label in new[] { 0, 1 })
        {
            var rows = synthetic.Where(i => set.SyntheticLabels[i] == label).ToArray();
            if (rows.Length == 0) continue;
            var color = label == 1 ? ChartStyle.SyntheticPositiveColor : ChartStyle.SyntheticNegativeColor;
            var trace = Points($"{PlotlyText.Escape(classes.Of(label))} (synthetic)", rows.Select(i => sx[i]), rows.Select(i => sy[i]),
                new Marker { Color = color, Size = 7, Symbol = SymbolEnum.DiamondOpen, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = color, Width = 2 } });
            trace.Meta = SyntheticMeta;
            trace.CustomData = [.. rows.Select(i => (object)i)];
            traces.Add(trace);
        }
        if (selected is { } row && row >= 0 && row < set.SyntheticOrigins.Count)
        {
            var origin = set.SyntheticOrigins[row];
            var (a, b) = (origin.BaseRow, origin.NeighbourRow);
            // A blank parent value has no place on the axis: Plotly leaves a gap for a null.
            object? At(NumericColumn column, int r) => column.IsMissing(r) ? null : column[r];
            object? AtSynthetic(NumericColumn column) => column.IsMissing(row) ? null : column[row];
            traces.Add(new Scatter
            {
                Name = origin.FromRealParents ? "parent A – synthetic row – parent B" : "nearest real ancestors – synthetic row",
                X = [At(x, a), AtSynthetic(sx), At(x, b)],
                Y = [At(y, a), AtSynthetic(sy), At(y, b)],
                Mode = ModeFlag.Lines | ModeFlag.Markers | ModeFlag.Text,
                TextArray = ["A", "", "B"],
                TextPosition = TextPositionEnum.TopCenter,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartStyle.PointedColor, Width = 3 },
                Marker = new Marker { Color = ChartStyle.PointedColor, Size = 13, Symbol = SymbolEnum.CircleOpen, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = ChartStyle.PointedColor, Width = 3 } },
                TextFont = new Plotly.Blazor.Traces.ScatterLib.TextFont { Size = 14 },
                HoverTemplate = $"%{{text}}<br>{PlotlyText.Escape(xColumn)} %{{x}}<br>{PlotlyText.Escape(yColumn)} %{{y}}<extra>u = {origin.Step.ToString("0.###", CultureInfo.InvariantCulture)}</extra>",
            });
        }
        var layout = ChartStyle.NewLayout(null, xColumn, yColumn);
        return new ChartFigure(traces, layout);
    }

    /// <summary>Up to <see cref="MaxPoints"/> of <paramref name="count"/> indices, evenly spread (the same ones every time).</summary>
    private static IReadOnlyList<int> Sample(int count) =>
        count <= MaxPoints ? Enumerable.Range(0, count).ToArray() : Enumerable.Range(0, MaxPoints).Select(i => (int)((long)i * count / MaxPoints)).ToArray();

    private static Scatter Points(string name, IEnumerable<double> xs, IEnumerable<double> ys, Marker marker) => new()
    {
        Name = name,
        X = [.. xs.Select(v => (object)v)],
        Y = [.. ys.Select(v => (object)v)],
        Mode = ModeFlag.Markers,
        Marker = marker,
        HoverTemplate = $"{name}<br>%{{x}}, %{{y}}<extra></extra>",
    };
}
