namespace Dashboard.Components.Charts;

/// <summary>
/// Runs a redraw at most once per interval, however often it is requested: the first request
/// after a quiet spell runs at once, requests inside the interval fold into one trailing redraw at
/// its end (which then draws the newest state). Dragging a slider thus costs a few Plotly.react
/// calls per second, never a backlog. Meant for one caller on Blazor's dispatcher: requests are
/// not locked against each other.
/// </summary>
public sealed class RedrawThrottle(TimeSpan interval, TimeProvider time, Func<Task> redraw) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private bool _scheduled;

    /// <summary>True while a trailing redraw waits for the interval to pass.</summary>
    public bool IsScheduled => _scheduled;

    /// <summary>Asks for a redraw; returns the task that runs it (completed when it was folded into a pending one).</summary>
    public Task RequestAsync()
    {
        if (_scheduled || _disposed.IsCancellationRequested) return Task.CompletedTask;
        _scheduled = true;
        return RunAsync();
    }

    private async Task RunAsync()
    {
        var wait = _lastRun == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastRun + interval - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        _scheduled = false;
        _lastRun = time.GetUtcNow();
        await redraw();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
