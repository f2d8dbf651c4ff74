using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;

namespace Dashboard.Tests.Rooms;

public class RoomRunnerTests : RoomHarnessTest
{
    [Fact]
    public async Task Create_DefaultRoom_BaselineRunsAllFourWithDefaultSliders()
    {
        var room = Harness.Registry.Create();

        var baseline = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");

        Assert.Equal(["lightgbm", "mlp", "random-forest", "svm"], baseline.Select(e => e.Result.AlgorithmId).Order());
        var snapshot = room.View;
        Assert.Equal(4, snapshot.State.Sliders.Count);
        Assert.True(snapshot.State.Sliders[0].IsClassSlider);
        Assert.Contains(snapshot.State.Sliders, s => s.Column == "gender"); // the strongest column on titanic
        Assert.Equal(4, snapshot.Baseline.Count);
        Assert.Equal(552, baseline[0].Result.TestScores.Count);
    }

    [Fact]
    public async Task ExecuteAsync_WhileAListenerIsStuckOnTheRunsEnd_TheCommandIsAppliedAtOnce()
    {
        // Storage writes a run when it hears RunCompleted; its first write on a fresh server takes a second or more.
        // A listener blocking its thread stands for it: a visitor entering meanwhile must not wait for it.
        using var release = new ManualResetEventSlim();
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Harness.Notifier.Subscribe(null, e =>
        {
            if (e is RunCompleted)
            {
                stuck.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(60)); // blocks synchronously, as a synchronous database call would
            }
            return Task.CompletedTask;
        }, RoomNotifier.StorageOrder);
        var room = Harness.Registry.Create();
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(120));

        var entering = room.ExecuteAsync(new EnterRoom("ana", "Ana", AsHost: true));

        Assert.Null(await entering.WaitAsync(TimeSpan.FromSeconds(10))); // applied, not queued behind the stuck listener
        Assert.True(room.View.State.Member("ana")?.IsHost);
        // The events still go out in order once the listener lets go: the run's end, then the member's entry.
        Assert.DoesNotContain(Harness.Events, e => e is RoomStateChanged { ChangedBy: "ana" });
        release.Set();
        await Harness.WaitForAsync<RoomStateChanged>(e => e.ChangedBy == "ana");
        var order = Harness.Events.Where(e => e is RunCompleted || e is RoomStateChanged { ChangedBy: "ana" }).Select(e => e.GetType().Name).ToArray();
        Assert.Equal([nameof(RunCompleted), nameof(RoomStateChanged)], order);
    }

    [Fact]
    public async Task FindBestThreshold_UsesTheRoomsSlidersAndSeat_ChangesNothingInTheRoom()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.5)));
        await Harness.CompletedRunAsync(room.Code, e => e.Reason.StartsWith("moved class"));
        var before = room.View;

        var found = await room.Thresholds.FindAsync(room.View, "svm", Dashboard.Core.Metrics.MetricId.F1, CancellationToken.None);

        var expected = ValidationThreshold.Find(before.Workspace!.Split, before.State.Changes(), before.State.Seat("svm").ToSettings(),
            Dashboard.Core.Metrics.MetricId.F1, before.State.Dataset.SplitSeed, CancellationToken.None);
        Assert.Equal(expected, found);
        // No command, no run: the room's state and results are the very same objects.
        Assert.Same(before.State, room.View.State);
        Assert.Same(before.Latest, room.View.Latest);
    }

    [Fact]
    public async Task MoveSlider_ClassBalanceRightEnd_RetrainsAllOnMoreRowsSameTestRows()
    {
        var room = Harness.Registry.Create();
        var baseline = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");

        // The right end of the balance track: the minority SMOTEd until 50/50.
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 1)));
        var moved = await Harness.CompletedRunAsync(room.Code, e => e.Reason.StartsWith("moved class"));

        Assert.Equal(4, moved.Count);
        var training = moved[0].Training;
        Assert.True(training.RowsAfter > training.RowsBefore);
        Assert.Equal(0.5, training.PositivesAfter / (double)training.RowsAfter, 2);
        // Test rows are the same at every slider position.
        Assert.Equal(baseline[0].Result.TestLabels, moved[0].Result.TestLabels);
        Assert.Equal(4, room.View.History.Count(p => p.SliderId == RoomDefaults.ClassSliderId));
    }

    [Fact]
    public async Task MoveSlider_Again_ReusesTheWorkspacesNeighbours()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.5)));
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.5");
        var firstMove = room.View.Resampled!;

        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.55)));
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.55");

        // The same seed draws the first move's bases again, so their neighbours come from the workspace's cache.
        var secondMove = room.View.Resampled!;
        Assert.True(firstMove.NeighboursSearched > 0);
        Assert.Equal(firstMove.NeighboursSearched, secondMove.NeighboursReused);
        Assert.True(room.View.Workspace!.Neighbours.Hits >= secondMove.NeighboursReused);
    }

    [Fact]
    public async Task MoveSlider_TwiceQuickly_LatestWins()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");

        _ = room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.45));
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.55)));
        var last = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "moved class balance to 0.55");

        Assert.Equal(4, last.Count);
        var first = await Harness.WaitForAsync<RunStarted>(e => e.Reason == "moved class balance to 0.45");
        Assert.DoesNotContain(Harness.Events.OfType<AlgorithmCompleted>(), e => e.RunId == first.RunId);
        await Harness.WaitForAsync<RunCancelled>(e => e.RunId == first.RunId);
        // The latest rows are the 0.55 position's: the minority 55 % of the way from its own share to 50/50.
        var natural = room.View.Training!.Changes[0].ShareBefore;
        Assert.Equal(Dashboard.Core.Resampling.ClassBalance.MinorityShare(natural, 0.55), room.View.Training.PositivesAfter / (double)room.View.Training.RowsAfter, 2);
    }

    [Fact]
    public async Task SetAlgorithm_OneAlgorithm_RetrainsOnlyIt()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        var values = HyperparameterValues.Defaults.With("hiddenUnits", 8);

        Assert.Null(await room.ExecuteAsync(new SetAlgorithm("ben", "mlp", values, ClassWeighting.None)));
        var run = await Harness.CompletedRunAsync(room.Code, e => e.AlgorithmIds.Count == 1);

        var only = Assert.Single(run);
        Assert.Equal("mlp", only.Result.AlgorithmId);
        Assert.Equal(8, only.Result.Hyperparameters.Values["hiddenUnits"]);
    }

    [Fact]
    public async Task Commands_Invalid_RefusedWithMessageStateUnchanged()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        var version = room.View.State.Version;

        var share = await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 1.5));
        var setting = await room.ExecuteAsync(new SetAlgorithm("ana", "lightgbm", HyperparameterValues.Defaults.With("leaves", 9999), ClassWeighting.None));
        var target = await room.ExecuteAsync(new SelectDataset("ana", new DatasetChoice("titanic", Target: "nope")));

        Assert.Contains("The class-balance position must be between -1 (undersample the majority until 50/50) and +1", share);
        Assert.Contains("Leaves per tree must be between 2 and 256", setting);
        Assert.Contains("'nope' is not a column", target);
        Assert.Equal(version, room.View.State.Version);
    }

    [Fact]
    public async Task SelectDataset_Other_NewBaselineAndSliders()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");

        Assert.Null(await room.ExecuteAsync(new SelectDataset("ana", new DatasetChoice("breast_cancer_wisconsin"))));
        await Harness.WaitForAsync<RoomStateChanged>(e => e.Description.Contains("Breast Cancer"));
        var runs = await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline", skip: 1);

        Assert.Equal(53 + 89, runs[0].Result.TestScores.Count); // a quarter of 212 malignant and of 357 benign
        Assert.Equal("diagnosis", room.View.Workspace!.Split.Data.TargetColumn);
        Assert.Equal(0, room.View.Workspace.Neighbours.Hits); // a new data set starts with a new neighbour cache
    }
}
