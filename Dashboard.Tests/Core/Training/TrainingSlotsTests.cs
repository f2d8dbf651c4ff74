using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public class TrainingSlotsTests
{
    [Fact]
    public async Task AcquireAsync_BusyRoomQueuedFirst_OtherRoomServedInTurn()
    {
        var slots = new TrainingSlots(1);
        var held = await slots.AcquireAsync("busy");
        var order = new List<string>();
        var waiting = new List<Task>();
        foreach (var owner in new[] { "busy", "busy", "busy", "quiet" })
        {
            waiting.Add(slots.AcquireAsync(owner).ContinueWith(t =>
            {
                lock (order) order.Add(owner);
                t.Result.Dispose();
            }, TaskScheduler.Default));
        }

        held.Dispose();
        await Task.WhenAll(waiting);

        // Round-robin by room: the quiet room's one fit runs second, not after all of the busy room's.
        Assert.Equal(["busy", "quiet", "busy", "busy"], order);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_SlotGoesToNextWaiter()
    {
        var slots = new TrainingSlots(1);
        var held = await slots.AcquireAsync("a");
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.AcquireAsync("b", cancel.Token);
        var next = slots.AcquireAsync("c");

        await cancel.CancelAsync();
        held.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_TwoSlots_TwoRunAtOnceThirdWaits()
    {
        var slots = new TrainingSlots(2);
        var first = await slots.AcquireAsync("a");
        var second = await slots.AcquireAsync("b");
        var third = slots.AcquireAsync("c");

        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        second.Dispose();
    }
}
