using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Charts;

/// <summary>
/// A chart component: builds a <see cref="ChartFigure"/> from its parameters whenever they are set
/// and hands it to <see cref="PlotlyFigure"/>, which decides whether and when Plotly redraws.
/// Each chart keeps its figure-building in a static Build method, testable as plain C#.
/// </summary>
public abstract class ChartBase : ComponentBase
{
    /// <summary>CSS height of the chart area.</summary>
    [Parameter]
    public string Height { get; set; } = "320px";

    protected ChartFigure Figure { get; private set; } = ChartFigure.Empty;

    protected override void OnParametersSet() => Figure = BuildFigure();

    /// <summary>Rebuilds the figure after local state (a picker) changed, and re-renders.</summary>
    protected void Rebuild()
    {
        Figure = BuildFigure();
        StateHasChanged();
    }

    protected abstract ChartFigure BuildFigure();
}
