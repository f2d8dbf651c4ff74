namespace Dashboard.Rooms;

/// <summary>
/// Coalesces redraw requests: bursts of room events (four results, progress lines) cause at most
/// one redraw per interval, and the last request is never lost.
/// </summary>
public sealed class RedrawGate(Func<Task> redraw, TimeSpan interval)
{
    private int _pending;

    public async Task RequestAsync()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        await Task.Delay(interval);
        Interlocked.Exchange(ref _pending, 0);
        await redraw();
    }
}
