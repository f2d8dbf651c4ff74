using Plotly.Blazor;

namespace Dashboard.Components.Charts;

/// <summary>What a chart draws: its traces and layout. Charts build one from their parameters; <see cref="PlotlyFigure"/> draws it.</summary>
public sealed record ChartFigure(IReadOnlyList<ITrace> Traces, Plotly.Blazor.Layout Layout)
{
    public static ChartFigure Empty { get; } = new([], ChartStyle.NewLayout());
}
