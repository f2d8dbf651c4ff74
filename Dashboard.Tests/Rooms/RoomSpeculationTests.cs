using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;

namespace Dashboard.Tests.Rooms;

/// <summary>While a room is idle the server trains the likely next positions; a real move uses them, and pre-empts speculation.</summary>
public class RoomSpeculationTests
{
    [Fact]
    public async Task IdleRoom_NeighbouringPositionTrainedAhead_TheMoveThereAnswersFromIt_PreemptedByARealMove()
    {
        await using var harness = new RoomHarness(speculationIdleSeconds: 0.1);
        var room = harness.Registry.Create();
        await harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", "class", 0.4)));
        await harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.4");

        // The class slider is the balance track: its steps are 5 % of the way to 50/50, its sweep both sides.
        var candidates = RoomSpeculation.Candidates(room.View).Select(s => s.Slider("class").Balance!.Value).ToArray();
        Assert.Equal([0.45, 0.35, 0.5, 0.3], candidates.Take(4));
        Assert.Equal(RoomSweeps.BalancePositions.Except(candidates.Take(4)), candidates.Skip(4));
        // The first neighbour is trained before the room has anything else to do.
        var speculated = await WaitForAsync(() => harness.Registry.SpeculationStats.Fits >= 4);
        Assert.True(speculated);

        // A real move pre-empts what is left: speculation stops, the move runs.
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", "class", 0.45)));
        await room.Speculation.Running.WaitAsync(TimeSpan.FromMinutes(1));
        var near = await harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.45");
        Assert.All(near, c => Assert.Equal(ResultOrigin.Speculation, c.Result.Origin));
        Assert.True(harness.Registry.SpeculationStats.Fits < 4 * candidates.Length, "speculation went on after the real move");
        Assert.True(harness.Registry.SpeculationStats.Seconds > 0);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++) await Task.Delay(100);
        return condition();
    }
}
