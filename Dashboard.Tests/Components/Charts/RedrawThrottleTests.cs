using Dashboard.Components.Charts;

namespace Dashboard.Tests.Components.Charts;

public class RedrawThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _clock = new();
    private int _redraws;

    private RedrawThrottle NewThrottle() => new(Interval, _clock, () =>
    {
        Interlocked.Increment(ref _redraws);
        return Task.CompletedTask;
    });

    [Fact]
    public void Request_FirstOne_RunsAtOnce()
    {
        using var throttle = NewThrottle();

        var run = throttle.RequestAsync();

        Assert.True(run.IsCompleted);
        Assert.Equal(1, _redraws);
    }

    [Fact]
    public async Task Request_BurstInsideTheInterval_FoldsIntoOneTrailingRedraw()
    {
        using var throttle = NewThrottle();
        await throttle.RequestAsync();

        _clock.Advance(TimeSpan.FromMilliseconds(10));
        var trailing = throttle.RequestAsync();
        _ = throttle.RequestAsync();
        _ = throttle.RequestAsync();
        Assert.Equal(1, _redraws);
        Assert.True(throttle.IsScheduled);

        _clock.Advance(TimeSpan.FromMilliseconds(89));
        Assert.Equal(1, _redraws);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await trailing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, _redraws);
        Assert.False(throttle.IsScheduled);
    }

    [Fact]
    public async Task Request_AfterAQuietInterval_RunsAtOnceAgain()
    {
        using var throttle = NewThrottle();
        await throttle.RequestAsync();

        _clock.Advance(Interval);
        await throttle.RequestAsync();

        Assert.Equal(2, _redraws);
    }

    [Fact]
    public async Task Urgent_InsideTheInterval_DrawsAtOnce_AndThePendingTrailingRedrawIsSkipped()
    {
        using var throttle = NewThrottle();
        await throttle.RequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        var trailing = throttle.RequestAsync(); // folded: waits for the interval's end

        await throttle.RequestAsync(urgent: true); // a run ended: drawn now, with everything asked for so far
        Assert.Equal(2, _redraws);

        _clock.Advance(Interval);
        await trailing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _redraws);
    }

    [Fact]
    public async Task Urgent_ThenAnotherRequest_TheTrailingRedrawStillDrawsIt()
    {
        using var throttle = NewThrottle();
        await throttle.RequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        var trailing = throttle.RequestAsync();
        await throttle.RequestAsync(urgent: true);

        _ = throttle.RequestAsync(); // asked for after the urgent redraw: folded into the pending one, not lost
        _clock.Advance(Interval);
        await trailing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, _redraws);
    }

    [Fact]
    public async Task Urgent_DuringTheGather_WhatComesAfterItWaitsAFullIntervalFromTheUrgentRedraw()
    {
        var throttle = new RedrawThrottle(Interval, _clock, () =>
        {
            Interlocked.Increment(ref _redraws);
            return Task.CompletedTask;
        }, gather: TimeSpan.FromMilliseconds(20));
        var gathering = throttle.RequestAsync(); // a slider's command: gathers what follows
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        await throttle.RequestAsync(urgent: true); // the result that ends the wait: drawn now
        _ = throttle.RequestAsync(); // the run's end, a moment later: folded into the pending redraw
        Assert.Equal(1, _redraws);

        _clock.Advance(TimeSpan.FromMilliseconds(20)); // the gather is over, but the page is still taking in the urgent redraw
        Assert.Equal(1, _redraws);
        _clock.Advance(TimeSpan.FromMilliseconds(80)); // one interval after the urgent redraw
        await gathering.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, _redraws);
        throttle.Dispose();
    }

    [Fact]
    public async Task Dispose_WithARedrawPending_ItNeverRuns()
    {
        var throttle = NewThrottle();
        await throttle.RequestAsync();
        var pending = throttle.RequestAsync();

        throttle.Dispose();
        _clock.Advance(Interval);
        await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _redraws);
        Assert.True(throttle.RequestAsync().IsCompleted);
        Assert.Equal(1, _redraws);
    }
}
