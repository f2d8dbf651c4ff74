using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Plotly.Blazor;
using Plotly.Blazor.Interop;

namespace Dashboard.Components.Charts;

/// <summary>
/// Draws a <see cref="ChartFigure"/> with Plotly, the one place that talks to PlotlyChart: a
/// skeleton until the first plot is on screen, then Plotly.react when it is handed another figure, at most
/// once per <see cref="MinRedrawInterval"/>. The same figure object draws nothing: a chart keeps its figure
/// while its inputs are unchanged (<see cref="ChartBase"/>), so this is a reference check. (It used to compare
/// the figures' JSON, which cost about half of every render of the live page.) This guards
/// the Plotly calls of a chart whose parent re-renders for its own reasons (a slider card re-renders on every
/// key press); how often the live page re-renders for room events is its one redraw throttle. The react
/// goes out in a render of its own: reacting in the parent's render took the keyboard focus off a slider.
/// </summary>
public sealed partial class PlotlyFigure : ComponentBase, IAsyncDisposable
{
    /// <summary>Redraws closer together than this fold into one.</summary>
    public static readonly TimeSpan MinRedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _disposed = new();
    private PlotlyChart? _chart;
    private RedrawThrottle? _throttle;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private Config _config = new();
    private ChartFigure? _shownFigure;
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

    /// <summary>Called with the point a user clicked (Plotly's click event is subscribed only when this is set).</summary>
    [Parameter]
    public EventCallback<EventDataPoint> OnPointClicked { get; set; }

    /// <summary>Called with the point under the pointer (Plotly's hover event is subscribed only when this is set).</summary>
    [Parameter]
    public EventCallback<EventDataPoint> OnPointHovered { get; set; }

    // The clock of the throttle: the registered TimeProvider when there is one (tests register a
    // fake), else the system clock.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>How many times this figure has asked Plotly to redraw (after the first plot); for tests and diagnostics.</summary>
    internal int RedrawCount { get; private set; }

    protected override void OnInitialized()
    {
        _throttle = new RedrawThrottle(MinRedrawInterval, Services.GetService<TimeProvider>() ?? TimeProvider.System, () => InvokeAsync(ShowLatest));
    }

    protected override void OnParametersSet()
    {
        // Sent with the next newPlot or react.
        _config = ChartStyle.Config(FileName);
        if (_chart is null)
        {
            // Not rendered yet: the first NewPlot draws whatever is current then.
            Show(Figure);
            return;
        }
        if (_throttle!.IsScheduled || ReferenceEquals(Figure, _shownFigure)) return;
        _ = _throttle.RequestAsync();
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

    private void ShowLatest()
    {
        if (ReferenceEquals(Figure, _shownFigure)) return;
        Show(Figure);
        _reactDue = true;
        RedrawCount++;
        StateHasChanged();
    }

    private void Show(ChartFigure figure)
    {
        // New references, so that PlotlyChart receives them as parameters on the next render and
        // React() sends them.
        _data = [.. figure.Traces];
        _layout = figure.Layout;
        _shownFigure = figure;
    }

    private void OnFirstPlotDrawn()
    {
        _drawn = true;
        _ = InvokeAsync(StateHasChanged);
        if (OnPointClicked.HasDelegate) _ = ListenAsync(chart => chart.SubscribeClickEvent(_disposed.Token));
        if (OnPointHovered.HasDelegate) _ = ListenAsync(chart => chart.SubscribeHoverEvent(_disposed.Token));
    }

    private async Task ListenAsync(Func<PlotlyChart, Task> subscribe)
    {
        if (_chart is null) return;
        try
        {
            await subscribe(_chart);
        }
        catch (Exception exception) when (exception is JSDisconnectedException or OperationCanceledException or ObjectDisposedException)
        {
            // The tab closed or the chart left the page before it could listen.
        }
    }

    private void OnPlotClicked(IEnumerable<EventDataPoint> points)
    {
        if (points.FirstOrDefault() is { } point) _ = InvokeAsync(() => OnPointClicked.InvokeAsync(point));
    }

    private void OnPlotHovered(IEnumerable<EventDataPoint> points)
    {
        if (points.FirstOrDefault() is { } point) _ = InvokeAsync(() => OnPointHovered.InvokeAsync(point));
    }

    public ValueTask DisposeAsync()
    {
        _throttle?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }
}
