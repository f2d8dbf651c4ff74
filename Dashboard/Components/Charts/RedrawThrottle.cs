namespace Dashboard.Components.Charts;

/// <summary>
/// Runs a redraw at most once per interval, however often it is requested: the first request
/// after a quiet spell runs at once, requests inside the interval fold into one trailing redraw at
/// its end (which then draws the newest state). Dragging a slider thus costs a few Plotly.react
/// calls per second, never a backlog. With a gather window, even the first request waits that long,
/// so events arriving together (a cached run's start, four results and its end within a millisecond)
/// are one redraw rather than one each. A request marked urgent (what the user waits for is complete)
/// draws at once even inside the interval; the pending trailing redraw then runs only if something
/// else was asked for after it, and not before a full interval after the urgent one. Meant for one
/// caller on Blazor's dispatcher: requests are not locked against each other.
/// </summary>
public sealed class RedrawThrottle(TimeSpan interval, TimeProvider time, Func<Task> redraw, TimeSpan gather = default) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private bool _scheduled;
    private long _requests;      // every request, counted
    private long _drawnRequests; // the count when the latest redraw began: it drew everything asked for up to then

    /// <summary>True while a trailing redraw waits for the interval to pass.</summary>
    public bool IsScheduled => _scheduled;

    /// <summary>Asks for a redraw; returns the task that runs it (completed when it was folded into a pending one).</summary>
    /// <param name="urgent">Draw now, whatever the interval: for the state a user is waiting for.</param>
    public Task RequestAsync(bool urgent = false)
    {
        if (_disposed.IsCancellationRequested) return Task.CompletedTask;
        _requests++;
        if (urgent) return DrawAsync();
        if (_scheduled) return Task.CompletedTask;
        _scheduled = true;
        return RunAsync();
    }

    private Task DrawAsync()
    {
        _lastRun = time.GetUtcNow();
        _drawnRequests = _requests;
        return redraw();
    }

    private async Task RunAsync()
    {
        var sinceLast = _lastRun == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastRun + interval - time.GetUtcNow();
        var wait = sinceLast > gather ? sinceLast : gather;
        while (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // An urgent redraw during the wait starts a new interval: what was asked for after it waits for that
            // interval's end, so it does not draw again while the page is still taking in the urgent one.
            wait = _drawnRequests == _requests ? TimeSpan.Zero : _lastRun + interval - time.GetUtcNow();
        }
        _scheduled = false;
        if (_drawnRequests == _requests) return; // an urgent redraw drew all of it meanwhile
        await DrawAsync();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
