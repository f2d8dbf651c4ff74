using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Rooms;

public class RoomJanitorTests
{
    [Fact]
    public async Task SweepAsync_RoomEmptyLongerThanIdleTime_ClosedOccupiedRoomKept()
    {
        await using var harness = new RoomHarness();
        var janitor = new RoomJanitor(harness.Registry, Options.Create(new DashboardOptions { RoomIdleMinutes = 10 }), NullLogger<RoomJanitor>.Instance);
        var left = harness.Registry.Create();
        var occupied = harness.Registry.Create();
        Assert.Null(await left.ExecuteAsync(new EnterRoom("ana", "Ana", AsHost: true)));
        Assert.Null(await occupied.ExecuteAsync(new EnterRoom("ben", "Ben", AsHost: true)));
        Assert.Null(left.View.EmptySince);

        Assert.Null(await left.ExecuteAsync(new LeaveRoom("ana")));
        var since = Assert.NotNull(left.View.EmptySince);
        await janitor.SweepAsync(since.AddMinutes(5));
        Assert.NotNull(harness.Registry.Find(left.Code));

        await janitor.SweepAsync(since.AddMinutes(11));

        Assert.Null(harness.Registry.Find(left.Code));
        Assert.NotNull(harness.Registry.Find(occupied.Code));
    }
}
