using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Rooms;

/// <summary>A refused command changes nothing: the run in flight finishes, and a flood of commands is refused, not queued for good.</summary>
public class RoomRefusalTests : RoomHarnessTest
{
    [Theory]
    [InlineData("/etc/os-release")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/dev/zero")]
    [InlineData("no_such_dataset")]
    public async Task SelectDataset_BadSourceDuringARun_RefusedAndTheRunFinishes(string source)
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.5)));
        var started = await Harness.WaitForAsync<RunStarted>(e => e.RoomCode == room.Code && e.Reason.StartsWith("moved class"));

        var refusal = await room.ExecuteAsync(new SelectDataset("ana", new DatasetChoice(source)));

        Assert.NotNull(refusal);
        Assert.Contains("does not open file paths", refusal);
        await Harness.WaitForAsync<RunCompleted>(e => e.RunId == started.RunId);
        Assert.DoesNotContain(Harness.Events.OfType<RunCancelled>(), e => e.RunId == started.RunId);
        Assert.Equal(4, Harness.Events.OfType<AlgorithmCompleted>().Count(e => e.RunId == started.RunId));
        Assert.Equal("titanic", room.View.State.Dataset.Source);
        Assert.Equal(0.5, room.View.State.Sliders.Single(s => s.IsClassSlider).Balance);
    }

    [Fact]
    public async Task ExecuteAsync_MoreCommandsThanTheQueueHolds_RefusesTheRestWithASentence()
    {
        var security = Options.Create(new SecurityOptions { QueuedCommandsPerRoom = 2 });
        await using var registry = new RoomRegistry(Harness.Notifier, new WorkspaceCache(new Dashboard.Storage.ServerDatasets(Harness.Uploads,
            Options.Create(Dashboard.Core.Data.DataLimits.Default))), Options.Create(new DashboardOptions { DataFolder = Harness.DataFolder }),
            NullLoggerFactory.Instance, security: security);
        var room = registry.Create();

        // The first command (loading the data set) holds the single writer busy while the burst arrives.
        var answers = Enumerable.Range(0, 200).Select(i => room.ExecuteAsync(new EnterRoom($"m{i}", $"Member {i}"))).ToArray();
        var results = await Task.WhenAll(answers);

        var refused = results.Where(r => r is not null).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("This room has 2 changes waiting to be applied. Wait a moment for them, then try again.", r));
        Assert.Equal(results.Count(r => r is null), room.View.State.Members.Count);
    }
}
