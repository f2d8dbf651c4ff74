using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public class TrainingSlotsTests
{
    /// <summary>One slot, held while the owners queue in this order; the order they are then served in.</summary>
    private static async Task<List<string>> ServedOrderAsync(params string[] owners)
    {
        var slots = new TrainingSlots(1);
        var held = await slots.AcquireAsync("first");
        var order = new List<string>();
        var waiting = owners.Select(owner => slots.AcquireAsync(owner).ContinueWith(t =>
        {
            lock (order) order.Add(owner);
            t.Result.Dispose();
        }, TaskScheduler.Default)).ToList();
        held.Dispose();
        await Task.WhenAll(waiting);
        return order;
    }

    [Fact]
    public async Task AcquireAsync_BusyRoomQueuedFirst_OtherRoomServedInTurn()
    {
        var order = await ServedOrderAsync("busy", "busy", "busy", "quiet");

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

    [Fact]
    public async Task AcquireAsync_BackgroundQueuedFirst_EveryOtherFitIsServedBeforeIt()
    {
        // Two idle rooms speculating queue first; then one real move.
        var order = await ServedOrderAsync(TrainingSlots.Background("speculation 1"), TrainingSlots.Background("speculation 2"), "moved");

        Assert.Equal(["moved", TrainingSlots.Background("speculation 1"), TrainingSlots.Background("speculation 2")], order);
    }

    [Fact]
    public async Task AcquireAsync_FreeSlotWhileOnlyBackgroundWaits_ARealFitTakesItAtOnce()
    {
        var slots = new TrainingSlots(2);
        var first = await slots.AcquireAsync(TrainingSlots.Background("speculation"));
        var second = await slots.AcquireAsync(TrainingSlots.Background("speculation"));
        var queued = slots.AcquireAsync(TrainingSlots.Background("speculation"));

        second.Dispose(); // the queued background fit gets it
        (await queued.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        var real = slots.AcquireAsync("moved");
        Assert.True(real.IsCompleted); // a free slot and no real fit waiting: no queue in front of it
        (await real).Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_RealFitWaitsWhileBackgroundHoldsEverySlot_OneBackgroundSlotIsAskedBack_ThenServesIt()
    {
        var slots = new TrainingSlots(2);
        var first = (TrainingSlots.IReclaimable)await slots.AcquireAsync(TrainingSlots.Background("speculation a"));
        var second = (TrainingSlots.IReclaimable)await slots.AcquireAsync(TrainingSlots.Background("speculation b"));
        Assert.False(first.Reclaimed.IsCancellationRequested);

        var real = slots.AcquireAsync("moved");

        Assert.False(real.IsCompleted);
        Assert.True(first.Reclaimed.IsCancellationRequested); // the oldest background fit is asked to stop
        Assert.False(second.Reclaimed.IsCancellationRequested); // one per waiting real fit
        var another = slots.AcquireAsync("moved too");
        Assert.True(second.Reclaimed.IsCancellationRequested);

        first.Dispose(); // the background fit stopped and gave its slot back
        var served = (TrainingSlots.IReclaimable)await real.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(served.Reclaimed.CanBeCanceled); // a real fit's slot is never asked back
        second.Dispose();
        (await another.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        served.Dispose();
    }

    [Fact]
    public async Task StopWhenReclaimed_BackgroundWorkStopsWhenARealFitWaits_ARealFitsWorkOnlyWhenItsCallerCancels()
    {
        var slots = new TrainingSlots(1);
        var background = await slots.AcquireAsync(TrainingSlots.Background("speculation"));
        using var resampling = TrainingSlots.StopWhenReclaimed(background, CancellationToken.None);
        Assert.False(resampling.IsCancellationRequested);

        var real = slots.AcquireAsync("moved");
        Assert.True(resampling.IsCancellationRequested); // the speculation's resampling stops and gives the slot back
        background.Dispose();
        var served = await real.WaitAsync(TimeSpan.FromSeconds(5));

        using var caller = new CancellationTokenSource();
        using var fit = TrainingSlots.StopWhenReclaimed(served, caller.Token);
        _ = slots.AcquireAsync("another room"); // waits, but a real fit's slot is never asked back
        Assert.False(fit.IsCancellationRequested);
        caller.Cancel();
        Assert.True(fit.IsCancellationRequested);
    }

    [Fact]
    public async Task AcquireAsync_BackgroundWaitsBehindBackground_NothingIsAskedBack()
    {
        var slots = new TrainingSlots(1);
        var held = (TrainingSlots.IReclaimable)await slots.AcquireAsync(TrainingSlots.Background("speculation a"));

        var queued = slots.AcquireAsync(TrainingSlots.Background("speculation b"));

        Assert.False(held.Reclaimed.IsCancellationRequested);
        held.Dispose();
        (await queued.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task RealFitServed_AtOnceAndAfterAskingBack_BackgroundGaveBack_TimesTheStop()
    {
        var slots = new TrainingSlots(1);
        var served = new List<TrainingSlots.SlotWait>();
        var gaveBack = new List<TimeSpan>();
        slots.RealFitServed += wait => { lock (served) served.Add(wait); };
        slots.BackgroundGaveBack += took => { lock (gaveBack) gaveBack.Add(took); };

        (await slots.AcquireAsync("free slot")).Dispose();
        Assert.Equal([new TrainingSlots.SlotWait(TimeSpan.Zero, AskedBack: false)], served);

        var background = await slots.AcquireAsync(TrainingSlots.Background("speculation"));
        Assert.Single(served); // background work is not a real fit
        var real = slots.AcquireAsync("moved");
        await Task.Delay(50); // the background fit's last step
        background.Dispose();
        (await real.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        await WaitUntilAsync(() => { lock (served) return served.Count == 2; });
        Assert.True(served[1].AskedBack);
        Assert.InRange(served[1].Waited, TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(5));
        var stop = Assert.Single(gaveBack);
        Assert.InRange(stop, TimeSpan.FromMilliseconds(40), served[1].Waited);
    }

    [Fact]
    public async Task BackgroundGaveBack_NotRaisedForABackgroundSlotNobodyAskedFor()
    {
        var slots = new TrainingSlots(1);
        var gaveBack = 0;
        slots.BackgroundGaveBack += _ => Interlocked.Increment(ref gaveBack);

        (await slots.AcquireAsync(TrainingSlots.Background("speculation"))).Dispose();

        Assert.Equal(0, gaveBack);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task TryLendSpare_LendsOnlyAFreeSlotNobodyWaitsFor_AndGivesItBackToTheNextFit()
    {
        var slots = new TrainingSlots(2);
        var held = await slots.AcquireAsync("room");

        var lent = slots.TryLendSpare();
        Assert.NotNull(lent);
        Assert.Null(slots.TryLendSpare()); // both slots in use

        // A real fit comes to wait: the lent slot is asked back, and the fit gets it once it is given.
        var waiting = slots.AcquireAsync("other room");
        Assert.True(lent!.Reclaimed.IsCancellationRequested);
        Assert.False(waiting.IsCompleted);
        lent.Dispose();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        held.Dispose();
    }

    [Fact]
    public async Task TryLendSpare_GivenBack_TheSlotIsFreeAgain_AndEveryLoanIsCounted()
    {
        var slots = new TrainingSlots(1);
        var loans = 0;
        slots.SpareLent += () => loans++;

        slots.TryLendSpare()!.Dispose();
        slots.TryLendSpare()!.Dispose();

        // Nothing kept: the one slot goes to a fit at once.
        var fit = slots.AcquireAsync("room");
        Assert.True(fit.IsCompletedSuccessfully);
        Assert.Null(slots.TryLendSpare());
        (await fit).Dispose();
        Assert.Equal(2, loans);
    }
}
