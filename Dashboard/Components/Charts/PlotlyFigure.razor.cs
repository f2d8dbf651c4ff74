using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;

namespace Dashboard.Components.Charts;

/// <summary>
/// Draws a <see cref="ChartFigure"/> with Plotly, the one place that talks to PlotlyChart: a
/// skeleton until the first plot is on screen, then Plotly.react when the figure really changed
/// (same traces and layout draw nothing). How often the page re-renders is bounded once, where room
/// events arrive (the live page's redraw throttle), not again per chart.
/// </summary>
public sealed partial class PlotlyFigure : ComponentBase, IAsyncDisposable
{
    private static readonly JsonSerializerOptions FingerprintOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly CancellationTokenSource _disposed = new();
    private PlotlyChart? _chart;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private Config _config = new();
    private string? _shownFingerprint;
    private bool _drawn;
    private bool _reactDue;

    /// <summary>The traces and layout to draw.</summary>
    [Parameter, EditorRequired]
    public ChartFigure Figure { get; set; } = ChartFigure.Empty;

    /// <summary>CSS height of the chart area.</summary>
    [Parameter]
    public string Height { get; set; } = "320px";

    /// <summary>Name of the PNG the mode bar's camera button downloads (without extension).</summary>
    [Parameter]
    public string FileName { get; set; } = "chart";

    /// <summary>How many times this figure has asked Plotly to redraw (after the first plot); for tests and diagnostics.</summary>
    internal int RedrawCount { get; private set; }

    protected override void OnParametersSet()
    {
        // Sent with the next newPlot or react.
        _config = ChartStyle.Config(FileName);
        if (_chart is null)
        {
            // Not rendered yet: the first NewPlot draws whatever is current then.
            Show(Figure, Fingerprint(Figure));
            return;
        }
        var fingerprint = Fingerprint(Figure);
        if (fingerprint == _shownFingerprint) return;
        Show(Figure, fingerprint);
        _reactDue = true;
        RedrawCount++;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_reactDue || _chart is null) return;
        _reactDue = false;
        try
        {
            await _chart.React(_disposed.Token);
        }
        catch (Exception exception) when (exception is JSDisconnectedException or OperationCanceledException or ObjectDisposedException)
        {
            // The tab closed or the chart left the page while the redraw was on its way.
        }
    }


    private void Show(ChartFigure figure, string fingerprint)
    {
        // New references, so that PlotlyChart receives them as parameters on the next render and
        // React() sends them.
        _data = [.. figure.Traces];
        _layout = figure.Layout;
        _shownFingerprint = fingerprint;
    }

    private void OnFirstPlotDrawn()
    {
        _drawn = true;
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>
    /// The figure as JSON: parents re-render for many reasons, and a chart whose traces did not
    /// change must not redraw. Traces are serialised by their runtime types (ITrace has no members).
    /// </summary>
    private static string Fingerprint(ChartFigure figure) =>
        JsonSerializer.Serialize(new object[] { figure.Traces.Cast<object>().ToArray(), figure.Layout }, FingerprintOptions);

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }
}
