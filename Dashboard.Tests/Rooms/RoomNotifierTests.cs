using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Rooms;

public class RoomNotifierTests
{
    [Fact]
    public async Task PublishAsync_StorageListener_RunsBeforeOthersWhateverTheSubscriptionOrder()
    {
        var notifier = new RoomNotifier(NullLogger<RoomNotifier>.Instance);
        var calls = new List<string>();
        using var hub = notifier.Subscribe(null, _ => { calls.Add("hub"); return Task.CompletedTask; });
        using var page = notifier.Subscribe("AAA-BBB", _ => { calls.Add("page"); return Task.CompletedTask; });
        using var storage = notifier.Subscribe(null, _ => { calls.Add("storage"); return Task.CompletedTask; }, RoomNotifier.StorageOrder);

        await notifier.PublishAsync(new RunCompleted("AAA-BBB", "run", 1));
        await notifier.PublishAsync(new RunCompleted("CCC-DDD", "run", 1));

        // Room AAA-BBB: storage first, then the hub and the page (in any order); room CCC-DDD has no page.
        Assert.Equal("storage", calls[0]);
        Assert.Equal(["hub", "page"], calls[1..3].Order());
        Assert.Equal(["storage", "hub"], calls[3..]);
    }

    [Fact]
    public async Task PublishAsync_ListenerThrows_OthersStillCalled()
    {
        var notifier = new RoomNotifier(NullLogger<RoomNotifier>.Instance);
        var called = false;
        using var broken = notifier.Subscribe(null, _ => throw new InvalidOperationException("boom"), order: -1);
        using var fine = notifier.Subscribe(null, _ => { called = true; return Task.CompletedTask; });

        await notifier.PublishAsync(new RunCompleted("AAA-BBB", "run", 1));

        Assert.True(called);
    }
}
