using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.EndToEnd;
using Dashboard.Rooms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Tests.Rooms;

/// <summary>A slider position visited before answers from the server's cache, with exactly the results a fresh fit gives.</summary>
public class RoomCacheTests : RoomHarnessTest
{
    [Fact]
    public async Task PositionVisitedAgain_AnsweredFromTheCache_SameResultsAsAFreshFitInAnotherServer()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", "class", 0.4)));
        var first = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.4");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", "class", 0.5)));
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.5");

        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", "class", 0.4)));
        var again = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.4", skip: 1);

        Assert.All(first, c => Assert.Equal(ResultOrigin.Trained, c.Result.Origin));
        Assert.All(again, c => Assert.Equal(ResultOrigin.Cache, c.Result.Origin));
        // Another room on the same data set finds the same position in the cache too.
        var other = Harness.Registry.Create();
        await Harness.CompletedRunAsync(other.Code, e => e.Reason == "baseline");
        Assert.Null(await other.ExecuteAsync(new MoveSlider("ben", "class", 0.4)));
        var elsewhere = await Harness.CompletedRunAsync(other.Code, e => e.Reason == "moved class balance to 0.4");
        Assert.All(elsewhere, c => Assert.Equal(ResultOrigin.Cache, c.Result.Origin));

        // A server with an empty cache fits afresh: bit for bit the same scores and metrics.
        await using var fresh = new RoomHarness();
        var freshRoom = fresh.Registry.Create();
        await fresh.CompletedRunAsync(freshRoom.Code, e => e.Reason == "baseline");
        Assert.Null(await freshRoom.ExecuteAsync(new MoveSlider("ana", "class", 0.4)));
        var fitted = await fresh.CompletedRunAsync(freshRoom.Code, e => e.Reason == "moved class balance to 0.4");
        foreach (var cached in again.Select(c => c.Result))
        {
            var fit = fitted.Single(c => c.Result.AlgorithmId == cached.AlgorithmId).Result;
            Assert.Equal(ResultOrigin.Trained, fit.Origin);
            Assert.Equal(fit.TestScores, cached.TestScores);
            Assert.Equal(fit.Metrics, cached.Metrics);
            Assert.Equal(fit.TrainingRows, cached.TrainingRows);
        }
        Assert.Equal(first[0].Training.RowsAfter, again[0].Training.RowsAfter);
    }
}

/// <summary>The default data set's baseline is trained at start-up, so the first room answers from the cache; its page is rendered once.</summary>
public class WarmStartTests
{
    [Fact]
    public async Task ServerStart_BaselineTrainedInTheBackground_FirstRoomsCardsAllFromTheCache()
    {
        await using var server = new DashboardServer(new Dictionary<string, string> { ["Dashboard:WarmStart"] = "true" });
        var warm = server.Services.GetServices<IHostedService>().OfType<WarmStart>().Single();
        await warm.Done.WaitAsync(TimeSpan.FromMinutes(2));
        var registry = server.Services.GetRequiredService<RoomRegistry>();
        Assert.Equal(4, registry.Cache.ResultCount);
        // The live page was rendered once with the four cards (its code compiled before a visitor needs it), in no room of the server's.
        Assert.True(warm.PageCharactersRendered > 10_000, $"the warm-up render made {warm.PageCharactersRendered} characters");
        Assert.Empty(registry.Open);
        // Storage's write path was rehearsed, and the rehearsal stored nothing.
        Assert.True(warm.StorageRehearsed);
        Assert.Empty(await server.Services.GetRequiredService<Dashboard.Storage.RunStore>().ListAsync(new Dashboard.Storage.RunFilter(), CancellationToken.None));
        // The cluster's room path was rehearsed with a code no visitor can open, and left no room behind.
        Assert.True(warm.ClusterRehearsed);
        Assert.Null(RoomCode.Normalize(WarmStart.RehearsalCode));
        Assert.Null(registry.Find(WarmStart.RehearsalCode));

        var room = registry.Create();
        while (room.View.Latest.Count < 4 || room.View.IsBusy) await room.NextChange.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(room.View.Latest.Values, r => Assert.Equal(ResultOrigin.Cache, r.Origin));
        Assert.Equal(4, room.View.Baseline.Count);
    }
}
