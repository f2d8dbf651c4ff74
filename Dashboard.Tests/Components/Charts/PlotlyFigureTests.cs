using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components.Charts;

/// <summary>What the figure host asks of Plotly: one newPlot, then react only for real changes, throttled.</summary>
public class PlotlyFigureTests : ComponentTest
{
    private readonly FakeTimeProvider _clock = new();
    private readonly BunitJSModuleInterop _plotly;

    public PlotlyFigureTests()
    {
        Context.Services.AddSingleton<TimeProvider>(_clock);
        _plotly = Context.JSInterop.SetupModule("./_content/Plotly.Blazor/plotly-interop-7.2.0.js");
        _plotly.Mode = JSRuntimeMode.Loose;
    }

    private static ChartFigure Figure(int tp) => ConfusionMatrixChart.Build(new ConfusionMatrix(tp, 2, 6, 1), new ClassLabels("survived", "yes", "no"));

    private int Calls(string function) => _plotly.Invocations.Count(i => i.Identifier == function);

    private IRenderedComponent<PlotlyFigure> RenderFigure(ChartFigure figure) =>
        Context.Render<PlotlyFigure>(p => p.Add(f => f.Figure, figure).Add(f => f.FileName, "test"));

    [Fact]
    public void Render_First_NewPlotOnceThenTheSkeletonGoes()
    {
        var cut = RenderFigure(Figure(3));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".plotly-figure-skeleton")));
        Assert.Equal(1, Calls("newPlot"));
        Assert.Equal(0, Calls("react"));
    }

    [Fact]
    public void Render_SameFigureAgain_NoRedraw()
    {
        var figure = Figure(3);
        var cut = RenderFigure(figure);

        cut.Render(p => p.Add(f => f.Figure, figure));

        Assert.Equal(0, cut.Instance.RedrawCount);
        Assert.Equal(0, Calls("react"));
    }

    [Fact]
    public void Render_ChangedFigures_ReactAtOnceThenAtMostOncePerInterval()
    {
        var cut = RenderFigure(Figure(3));

        cut.Render(p => p.Add(f => f.Figure, Figure(4)));
        cut.WaitForAssertion(() => Assert.Equal(1, Calls("react")));

        _clock.Advance(TimeSpan.FromMilliseconds(20));
        cut.Render(p => p.Add(f => f.Figure, Figure(5)));
        cut.Render(p => p.Add(f => f.Figure, Figure(6)));
        cut.Render(p => p.Add(f => f.Figure, Figure(7)));
        Assert.Equal(1, Calls("react"));

        _clock.Advance(PlotlyFigure.MinRedrawInterval);
        cut.WaitForAssertion(() => Assert.Equal(2, Calls("react")));
        Assert.Equal(2, cut.Instance.RedrawCount);
    }

    [Fact]
    public void Render_ConfigOfEveryChart_KeepsTheModeBarWithItsPngButton()
    {
        RenderFigure(Figure(3));

        // What plotly.js receives: "hover" shows the bar (with its camera button) whenever the pointer is on the chart.
        var config = (IDictionary<string, object?>)_plotly.Invocations.First(i => i.Identifier == "newPlot").Arguments[3]!;
        Assert.Equal("hover", config["displayModeBar"]?.ToString());
        Assert.DoesNotContain("toImage", string.Join(",", (IEnumerable<object>)config["modeBarButtonsToRemove"]!));
        Assert.Equal("test", ((IDictionary<string, object?>)config["toImageButtonOptions"]!)["filename"]?.ToString());
    }
}
