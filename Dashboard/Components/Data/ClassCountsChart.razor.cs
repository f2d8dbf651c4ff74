using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace Dashboard.Components.Data;

/// <summary>How many rows each class of the target has, the positive class in its own colour: the imbalance at a glance.</summary>
public sealed partial class ClassCountsChart : ChartBase
{
    [Parameter, EditorRequired]
    public DatasetProfile Profile { get; set; } = default!;

    public ClassCountsChart() => Height = "240px";

    protected override ChartFigure BuildFigure() => Profile is null ? ChartFigure.Empty : Build(Profile);

    /// <summary>One bar trace, classes in the profile's order, each labelled with count and share.</summary>
    public static ChartFigure Build(DatasetProfile profile)
    {
        var counts = profile.ClassCounts;
        var labels = counts.Select(c => (object)PlotlyText.Escape(c.Label)).ToList();
        var bar = new Bar
        {
            X = labels,
            Y = [.. counts.Select(c => (object)c.Count)],
            TextArray = [.. counts.Select(c => $"{DisplayFormat.Count(c.Count)} ({DisplayFormat.Percent(c.Share)})")],
            TextPosition = TextPositionEnum.Outside,
            ClipOnAxis = false,
            Marker = new Marker { ColorArray = [.. counts.Select(c => (object)(c.IsPositive ? ChartStyle.PositiveColor : ChartStyle.NegativeColor))] },
            HoverTextArray = [.. counts.Select(c =>
                $"{PlotlyText.Escape(profile.Target)}={PlotlyText.Escape(c.Label)}{(c.IsPositive ? " (positive class)" : "")}<br>" +
                $"{DisplayFormat.Count(c.Count)} of {DisplayFormat.Count(profile.RowCount)} rows ({DisplayFormat.Percent(c.Share)})")],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
        var positive = counts.FirstOrDefault(c => c.IsPositive);
        var title = positive is null
            ? $"{profile.Target ?? "target"}: class counts"
            : $"{profile.Target}: {positive.Label} is {DisplayFormat.Percent(positive.Share)} of {DisplayFormat.Count(profile.RowCount)} rows";
        var layout = ChartStyle.NewLayout(title, profile.Target, "rows");
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.ShowLegend = false;
        return new ChartFigure([bar], layout);
    }
}
