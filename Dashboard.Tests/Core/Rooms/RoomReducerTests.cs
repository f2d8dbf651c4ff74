using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Components;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>
/// The room as a plain function: every command and every run report goes through
/// <see cref="RoomReducer.Apply"/>, and what the room must do next comes back as effects.
/// </summary>
public class RoomReducerTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly DatasetChoice Choice = new("titanic");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<PreparedRun> Neutral = new(() => RunPreparation.Prepare(Titanic, [], 42));

    private static DatasetWorkspace Workspace() =>
        new("Titanic", "credit", Titanic, DatasetProfiler.Profile(Titanic.Data.Data, Titanic.Data), [], "LightGBM", []);

    /// <summary>A room whose data set has loaded (its baseline run started), with Ana as host and Ben as a member.</summary>
    private static RoomStep Loaded()
    {
        var view = RoomView.Opening("K7Q-2MX", Choice, restoring: null, T0);
        view = Apply(view, new EnterRoom("ana", "Ana", AsHost: true)).View;
        view = Apply(view, new EnterRoom("ben", "Ben")).View;
        return Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(), Choice));
    }

    private static RoomStep Apply(RoomView view, RoomInput input, int seconds = 0) => RoomReducer.Apply(view, input, T0.AddSeconds(seconds));

    private static RunPlan Started(RoomStep step) => step.Effects.OfType<StartRun>().Single().Plan;

    private static T Published<T>(RoomStep step) where T : RoomEvent => step.Effects.OfType<Publish>().Select(p => p.Event).OfType<T>().Single();

    /// <summary>Runs a plan to its end: resampled, one result per algorithm (scores as given), ended.</summary>
    private static RoomView Finish(RoomView view, RunPlan plan, double[]? scores = null)
    {
        view = Apply(view, new RunPrepared(plan.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;
        foreach (var id in plan.AlgorithmIds)
        {
            view = Apply(view, new RunResult(plan.RunId, TestResults.Completed(id, scores ?? TestResults.GoodScores), Neutral.Value.Summary)).View;
        }
        return Apply(view, new RunEnded(plan.RunId, 1.0)).View;
    }

    [Fact]
    public void CompletesWait_OnlyTheResultThatLeavesNoCardTraining()
    {
        var loaded = Loaded();
        var plan = Started(loaded);
        var view = Apply(loaded.View, new RunPrepared(plan.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;
        Assert.False(Published<RunStarted>(loaded).CompletesWait);

        var completed = new List<AlgorithmCompleted>();
        foreach (var id in plan.AlgorithmIds)
        {
            var step = Apply(view, new RunResult(plan.RunId, TestResults.Completed(id, TestResults.GoodScores), Neutral.Value.Summary));
            view = step.View;
            completed.Add(Published<AlgorithmCompleted>(step));
        }
        // Drawn at once: the fourth card's result (the user's wait is over), not the three before it. The mark is the
        // event's own: a page handed the first event after all four were applied (a cached run) still gathers it.
        Assert.Equal([false, false, false, true], completed.Select(e => e.CompletesWait));
        // It travels with the event to a page on another server (rooms' events cross servers as the hub's JSON).
        var json = System.Text.Json.JsonSerializer.Serialize<RoomEvent>(completed[^1], Dashboard.Cluster.ClusterHosting.JsonOptions);
        Assert.True(System.Text.Json.JsonSerializer.Deserialize<RoomEvent>(json, Dashboard.Cluster.ClusterHosting.JsonOptions)!.CompletesWait);
        // The run's end follows the results it ends: nothing more to wait for, so it is gathered, not drawn at once.
        var ended = Apply(view, new RunEnded(plan.RunId, 1.0));
        Assert.False(Published<RunCompleted>(ended).CompletesWait);
        // A run that ends without its results (a newer move cancelled it, or it failed) ends the wait itself.
        Assert.True(new RunCancelled("K7Q-2MX", plan.RunId, "a newer move").CompletesWait);
        Assert.True(new RunFailed("K7Q-2MX", plan.RunId, "no rows").CompletesWait);
    }

    [Fact]
    public void SelectDataset_AsksForTheLoadFirst_RoomUnchangedUntilItIsReady()
    {
        var view = RoomView.Opening("K7Q-2MX", Choice, null, T0);

        var step = Apply(view, new SelectDataset(RoomRules.SystemMember, Choice));

        Assert.Equal(Choice, Assert.IsType<LoadDataset>(Assert.Single(step.Effects)).Dataset);
        Assert.Same(view.State, step.View.State);
        Assert.Null(step.View.Workspace);
    }

    [Fact]
    public void DatasetReady_DefaultSlidersNamesAndABaselineRunOfEveryAlgorithm()
    {
        var step = Loaded();

        var plan = Started(step);
        Assert.True(plan.IsBaseline);
        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp"], plan.AlgorithmIds);
        Assert.Equal("Titanic", step.View.DatasetTitle);
        Assert.Contains("survived", step.View.Columns);
        Assert.NotNull(step.View.Profile);
        Assert.Equal("class", step.View.State.Sliders[0].Id);
        Assert.Equal("loaded Titanic", Published<RoomStateChanged>(step).Description);
        Assert.Equal(plan.RunId, Published<RunStarted>(step).RunId);
        Assert.All(step.View.Status.Values, s => Assert.Equal(new AlgorithmStatusView(true, "resampling"), s));
    }

    [Fact]
    public void DatasetReady_ReopenedRoom_SlidersAndSeatsComeBack_SliderRunFollowsTheBaseline()
    {
        var stored = new RoomState("K7Q-2MX", Choice, RoomDefaults.Sliders(Titanic, []).Select(s => s.IsClassSlider ? s with { Balance = -0.5 } : s).ToArray(),
            RoomDefaults.Algorithms().Select(a => a.AlgorithmId == "svm" ? a with { Threshold = 0.3, HolderId = "gone" } : a).ToArray(), Version: 7);
        var view = RoomView.Opening("K7Q-2MX", Choice, stored, T0);

        var step = Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(), Choice));

        Assert.Equal(-0.5, step.View.State.Slider("class").Balance);
        Assert.Null(step.View.State.Seat("svm").HolderId);
        Assert.Equal(0.3, step.View.State.Seat("svm").Threshold);
        Assert.Equal(8, step.View.State.Version);
        Assert.Null(step.View.Restoring);
        var baseline = Started(step);
        Assert.True(baseline.IsBaseline);

        var ended = Apply(Finish(step.View, baseline) with { }, new RunEnded(baseline.RunId, 1)); // a second end changes nothing
        Assert.Empty(ended.Effects);
        var afterBaseline = Apply(step.View, new RunPrepared(baseline.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;
        var next = Apply(afterBaseline, new RunEnded(baseline.RunId, 1));
        Assert.Equal("the sliders' positions", Started(next).Reason);
        Assert.False(Started(next).IsBaseline);
    }

    [Fact]
    public void DatasetReady_RoomMovedFromADeadServer_MembersAndSeatHoldersStay_AwayUntilTheyComeBack()
    {
        var members = new[] { new RoomMember("ana", "Ana", IsHost: true, Connections: 2), new RoomMember("ben", "Ben", IsHost: false) };
        var stored = new RoomState("K7Q-2MX", Choice, RoomDefaults.Sliders(Titanic, []),
            RoomDefaults.Algorithms().Select(a => a.AlgorithmId == "svm" ? a with { HolderId = "ben" } : a).ToArray(), Version: 7, Members: members);

        var earlier = Finish(Loaded().View, Started(Loaded()));
        var log = RoomLog.Of(earlier);
        var moved = Apply(RoomView.Opening("K7Q-2MX", Choice, stored, T0, live: true, log), new DatasetReady(RoomRules.SystemMember, Workspace(), Choice), seconds: 5);
        var reopened = Apply(RoomView.Opening("K7Q-2MX", Choice, stored, T0), new DatasetReady(RoomRules.SystemMember, Workspace(), Choice), seconds: 5);

        Assert.Equal(["ana", "ben"], moved.View.State.Members.Select(m => m.Id));
        Assert.All(moved.View.State.Members, m => Assert.False(m.IsPresent));
        Assert.All(moved.View.State.Members, m => Assert.Equal(T0.AddSeconds(5), m.AwaySince));
        Assert.True(moved.View.State.Member("ana")!.IsHost);
        Assert.Equal("ben", moved.View.State.Seat("svm").HolderId);
        Assert.Equal("moved to another server with Titanic", Published<RoomStateChanged>(moved).Description);
        // Its history came along, and its baseline trained again on the new server is not drawn twice.
        Assert.Equal(earlier.History, moved.View.History);
        Assert.Equal(earlier.RunNumbers, moved.View.RunNumbers);
        Assert.Equal(Finish(moved.View, Started(moved)).History.Count, earlier.History.Count);
        // Reopened after a restart (from the run storage), a room comes back without members, holders or history.
        Assert.Empty(reopened.View.State.Members);
        Assert.Empty(reopened.View.History);
        Assert.Null(reopened.View.State.Seat("svm").HolderId);
        // Ana comes back with her key: the same member, host again and present.
        var back = Apply(moved.View, new EnterRoom("ana", "Ana", AsHost: false), seconds: 9);
        Assert.True(back.View.State.Member("ana") is { IsHost: true, IsPresent: true });
    }

    /// <summary>A loaded room whose baseline has trained, and the run of Ben's first move (class to 0.4) in flight.</summary>
    private static (RoomStep Step, RunPlan Moved) FirstMoveInFlight()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));
        var step = Apply(view, new MoveSlider("ben", "class", 0.4));
        return (step, Started(step));
    }

    [Fact]
    public void MoveSlider_CancelsTheRunInFlight_StartsAFullRun_LatestWins()
    {
        var (first, moved) = FirstMoveInFlight();

        var step = Apply(first.View, new MoveSlider("ben", "class", 0.45));

        Assert.Equal(moved.RunId, Assert.Single(step.Effects.OfType<CancelRun>()).RunId);
        var move = Started(step);
        Assert.Equal("moved class balance to 0.45", move.Reason);
        Assert.Equal("class", move.MovedSliderId);
        Assert.Equal(move.RunId, Assert.Single(step.View.Runs.Keys));
        // A late result of the cancelled run is dropped: it never overwrites the newer run's card.
        var latest = step.View.Latest;
        var late = Apply(step.View, new RunResult(moved.RunId, TestResults.Completed("svm", [.. TestResults.GoodScores.Reverse()]), Neutral.Value.Summary));
        Assert.Empty(late.Effects);
        Assert.Same(latest, late.View.Latest);
    }

    [Fact]
    public void MoveSlider_AnnouncesTheCancelledRunAtOnce_ItsLateEndStopOrBreakChangesNothing()
    {
        var (first, moved) = FirstMoveInFlight();

        var step = Apply(first.View, new MoveSlider("ben", "class", 0.45));

        // The cancellation is announced before the new run starts, so a client that saw the old run start sees it end
        // even if the run finishes in the race with its cancellation (its RunEnded then arrives for a run the room forgot).
        var published = step.Effects.OfType<Publish>().Select(p => p.Event).ToArray();
        var cancelled = Assert.Single(published.OfType<RunCancelled>());
        Assert.Equal((moved.RunId, "a newer change"), (cancelled.RunId, cancelled.Reason));
        Assert.True(Array.IndexOf(published, cancelled) < Array.FindIndex(published, e => e is RunStarted));
        Assert.Empty(Apply(step.View, new RunEnded(moved.RunId, 1)).Effects);
        Assert.Empty(Apply(step.View, new RunStopped(moved.RunId, "a newer change")).Effects);
        var broken = Apply(step.View, new RunBroken(moved.RunId, "No row left."));
        Assert.Empty(broken.Effects);
        Assert.Null(broken.View.Error);
        Assert.All(broken.View.Status.Values, s => Assert.True(s.IsTraining));
    }

    [Fact]
    public void MoveSlider_WhileTheBaselineTrains_BaselineGoesOn_TheLatestChangeRunsWhenItEnds()
    {
        var loaded = Loaded();
        var baseline = Started(loaded);

        var first = Apply(loaded.View, new MoveSlider("ben", "class", 0.4));
        var second = Apply(first.View, new MoveSlider("ben", "class", 0.45));

        // The baseline is every card's reference: neither move cancels it or starts a run beside it.
        Assert.Empty(first.Effects.OfType<CancelRun>());
        Assert.Empty(second.Effects.OfType<StartRun>());
        Assert.Equal([baseline.RunId], second.View.Runs.Keys);
        Assert.Equal(0.45, second.View.State.Slider("class").Balance ?? second.View.State.Slider("class").TargetShare);
        // Its results are the baseline, and the room stores it: its end is announced.
        var view = Apply(second.View, new RunPrepared(baseline.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;
        foreach (var id in baseline.AlgorithmIds)
        {
            var result = Apply(view, new RunResult(baseline.RunId, TestResults.Completed(id, TestResults.GoodScores), Neutral.Value.Summary));
            // The cards' wait is not over with the baseline's last result: the change trains them next.
            Assert.False(Published<AlgorithmCompleted>(result).CompletesWait);
            view = result.View;
        }
        Assert.Equal(baseline.AlgorithmIds.Order(), view.Baseline.Keys.Order());
        var ended = Apply(view, new RunEnded(baseline.RunId, 1.0));
        Assert.Equal(baseline.RunId, Published<RunCompleted>(ended).RunId);
        // Then the latest change runs, on the settings as they are now, named for it.
        var move = Started(ended);
        Assert.Equal("moved class balance to 0.45", move.Reason);
        Assert.Equal(0.45, move.State.Slider("class").Balance ?? move.State.Slider("class").TargetShare);
        Assert.False(move.IsBaseline);
        Assert.Null(ended.View.AfterBaseline);
        Assert.Equal(move.RunId, Published<RunStarted>(ended).RunId);
    }

    [Fact]
    public void SetAlgorithm_WhileTheBaselineTrains_WaitsForIt_ABaselineThatFails_StillRunsTheChange()
    {
        var loaded = Loaded();
        var baseline = Started(loaded);

        var step = Apply(loaded.View, new SetAlgorithm("ben", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced)));

        Assert.Empty(step.Effects.OfType<StartRun>());
        Assert.Empty(step.Effects.OfType<CancelRun>());
        var broken = Apply(step.View, new RunBroken(baseline.RunId, "No row left."));
        Assert.Equal("No row left.", broken.View.Error);
        var change = Started(broken);
        Assert.Equal(ClassWeightMode.Balanced, change.State.Seat("mlp").ClassWeight.Mode);
        Assert.Equal(baseline.AlgorithmIds.Order(), change.AlgorithmIds.Order()); // every card: the others answer from the cache
    }

    [Fact]
    public void DatasetReady_WhileAChangeWaitsForTheBaseline_TheNewDataSetsBaselineReplacesBoth()
    {
        var loaded = Loaded();
        var waiting = Apply(loaded.View, new MoveSlider("ben", "class", 0.4));
        Assert.NotNull(waiting.View.AfterBaseline);

        var reloaded = Apply(waiting.View, new DatasetReady("ana", Workspace(), Choice with { SplitSeed = 7 }));

        Assert.Equal(Started(loaded).RunId, Assert.Single(reloaded.Effects.OfType<CancelRun>()).RunId);
        Assert.True(Started(reloaded).IsBaseline);
        Assert.Null(reloaded.View.AfterBaseline);
    }

    [Fact]
    public void SetAlgorithm_AfterResampling_RetrainsOnlyThatAlgorithmOnTheSameRows()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));

        var step = Apply(view, new SetAlgorithm("ben", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced)));

        var plan = Started(step);
        Assert.Equal(["mlp"], plan.AlgorithmIds);
        Assert.Equal(Started(loaded).RunId, plan.PreparedFrom);
        Assert.Empty(step.Effects.OfType<CancelRun>());
        Assert.True(step.View.Status["mlp"].IsTraining);
        Assert.False(step.View.Status["svm"].IsTraining);
    }

    [Fact]
    public void SetAlgorithm_WhileStillResampling_RetrainsEverything()
    {
        var (moving, moved) = FirstMoveInFlight();

        var step = Apply(moving.View, new SetAlgorithm("ben", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced)));

        Assert.Equal(4, Started(step).AlgorithmIds.Count);
        Assert.Equal(moved.RunId, Assert.Single(step.Effects.OfType<CancelRun>()).RunId);
    }

    [Fact]
    public void SetAlgorithm_DuringAFullRunsTraining_TheFullRunGoesOnForTheOthers_ItsResultForThatAlgorithmIsDropped()
    {
        var (moving, full) = FirstMoveInFlight();
        var view = Apply(moving.View, new RunPrepared(full.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;

        var step = Apply(view, new SetAlgorithm("ben", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced)));
        view = step.View;

        Assert.Empty(step.Effects.OfType<CancelRun>());
        var old = Apply(view, new RunResult(full.RunId, TestResults.Completed("mlp", [.. TestResults.GoodScores.Reverse()]), Neutral.Value.Summary));
        Assert.Same(view.Latest["mlp"], old.View.Latest["mlp"]); // the baseline's result stays until the new one comes
        var other = Apply(view, new RunResult(full.RunId, TestResults.Completed("svm", TestResults.GoodScores), Neutral.Value.Summary));
        Assert.True(other.View.Latest.ContainsKey("svm"));
        Assert.Equal(full.RunId, Published<AlgorithmCompleted>(other).RunId);
    }

    [Fact]
    public void RunResult_ScoredAtTheSeatsThreshold_BaselineKept_HistoryPointNumbered()
    {
        var loaded = Loaded();
        var view = Apply(loaded.View, new SetThreshold("ana", "svm", 0.35)).View;

        view = Finish(view, Started(loaded));

        Assert.Equal(0.35, view.Latest["svm"].Metrics!.Threshold);
        Assert.Equal(0.35, view.Baseline["svm"].Metrics!.Threshold);
        Assert.All(view.Latest.Values, r => Assert.Null(r.Model));
        Assert.Equal(4, view.History.Count);
        Assert.All(view.History, p => Assert.Equal((1, "baseline", "every slider at neutral"), (p.RunNumber, p.SliderLabel, p.Settings)));
        Assert.Empty(view.Runs);
        Assert.All(view.Status.Values, s => Assert.Equal("done", s.Message));
    }

    [Fact]
    public void SetThreshold_RescoresLatestBaselineAndHistory_NothingRetrains()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));

        var step = Apply(view, new SetThreshold("ben", "svm", 0.2));

        Assert.Empty(step.Effects.OfType<StartRun>());
        Assert.Equal(0.2, step.View.Latest["svm"].Metrics!.Threshold);
        Assert.Equal(0.2, step.View.Baseline["svm"].Metrics!.Threshold);
        Assert.Equal(0.2, step.View.History.Single(p => p.AlgorithmId == "svm").Metrics!.Threshold);
        Assert.Equal(0.5, step.View.Latest["mlp"].Metrics!.Threshold);
        Assert.Equal(TestResults.MetricsAt(TestResults.GoodScores, 0.2).F1, step.View.Latest["svm"].Metrics!.F1);
    }

    [Fact]
    public void RunNumbers_StableAcrossRuns_HistorySeriesPerSliderAndFocusGroup()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));
        var first = Apply(view, new MoveSlider("ben", "class", 0.4));
        view = Finish(first.View, Started(first));
        var second = Apply(view, new MoveSlider("ben", "class", 0.5));
        view = Finish(second.View, Started(second));

        Assert.Equal([1, 2, 3], view.History.Select(p => p.RunNumber).Distinct().ToArray());
        var moved = view.History.Where(p => p.SliderId == "class").ToArray();
        Assert.All(moved, p => Assert.Equal("class 'yes'", p.SliderLabel));
        Assert.Contains("class 'yes' ", moved.First(p => p.RunNumber == 2).Settings);
    }

    [Fact]
    public void Commands_Refused_ViewAndEffectsUnchanged_MessageNamesWhoMay()
    {
        var loaded = Loaded();
        var view = Apply(loaded.View, new SetHostOnlyControls("ana", true)).View;

        var step = Apply(view, new MoveSlider("ben", "class", 0.4));

        Assert.Same(view, step.View);
        Assert.Empty(step.Effects);
        Assert.Equal("This room is in classroom mode: only the host (Ana) moves the sliders, changes the data set and free algorithms, and adds or removes cards.", step.Refusal);
        Assert.Equal("This room has no slider 'nope'. Its sliders are: class. (Parameter 'id')", Apply(loaded.View, new MoveSlider("ana", "nope", 0.4)).Refusal);
    }

    [Fact]
    public void Members_KeyedReentryKeepsTheHost_GracePeriodThenTheRolePassesOn()
    {
        var view = Loaded().View;
        view = Apply(view, new ClaimSeat("ana", "svm")).View;
        view = Apply(view, new LeaveRoom("ana"), seconds: 10).View; // e.g. Ana opens History in the same tab

        Assert.True(view.State.Member("ana")!.IsHost);
        Assert.Equal(T0.AddSeconds(10), view.State.Member("ana")!.AwaySince);
        var back = Apply(view, new EnterRoom("ana", "Ana"), seconds: 20).View;
        Assert.True(back.State.Member("ana")!.IsHost);
        Assert.Equal("ana", back.State.Seat("svm").HolderId);

        Assert.Empty(Apply(view, new ExpireAwayMembers(TimeSpan.FromMinutes(5)), seconds: 60).Effects); // still within the grace period
        var expired = Apply(view, new ExpireAwayMembers(TimeSpan.FromMinutes(5)), seconds: 400).View;
        Assert.Null(expired.State.Member("ana"));
        Assert.True(expired.State.Member("ben")!.IsHost);
        Assert.Null(expired.State.Seat("svm").HolderId);
    }

    [Fact]
    public void Activity_UsesNames_EmptySinceFollowsPresence()
    {
        var view = Loaded().View;
        view = Apply(view, new EnterRoom("ben", "Benjamin")).View;
        Assert.Equal(("Ben", "is now called Benjamin"), (view.Activity[^1].Who, view.Activity[^1].What));
        Assert.Null(view.EmptySince);

        view = Apply(view, new LeaveRoom("ana"), seconds: 5).View;
        view = Apply(view, new LeaveRoom("ben"), seconds: 6).View;
        view = Apply(view, new LeaveRoom("ben"), seconds: 7).View; // Ben had two tabs

        Assert.Equal(T0.AddSeconds(7), view.EmptySince);
    }

    [Fact]
    public void ReleaseIdleSeats_OnlyHoldersQuietLongerThanTheLimit()
    {
        var view = Loaded().View;
        view = Apply(view, new ClaimSeat("ana", "svm")).View;
        view = Apply(view, new ClaimSeat("ben", "mlp"), seconds: 100).View;

        var step = Apply(view, new ReleaseIdleSeats(TimeSpan.FromSeconds(60)), seconds: 120);

        Assert.Null(step.View.State.Seat("svm").HolderId);
        Assert.Equal("ben", step.View.State.Seat("mlp").HolderId);
        Assert.Equal("released Linear SVM", Published<RoomStateChanged>(step).Description);
        Assert.Empty(Apply(step.View, new ReleaseIdleSeats(TimeSpan.FromSeconds(60)), seconds: 121).Effects);
    }

    [Fact]
    public void RunBroken_StatusAndErrorForItsAlgorithms_RunStoppedPublishesCancelled()
    {
        var loaded = Loaded();
        var plan = Started(loaded);

        var broken = Apply(loaded.View, new RunBroken(plan.RunId, "No row left."));
        Assert.Equal("No row left.", broken.View.Error);
        Assert.All(broken.View.Status.Values, s => Assert.Equal(new AlgorithmStatusView(false, "No row left."), s));
        Assert.Equal("No row left.", Published<RunFailed>(broken).Error);
        Assert.Empty(broken.View.Runs);

        var stopped = Apply(loaded.View, new RunStopped(plan.RunId, "a newer change"));
        Assert.Equal(plan.RunId, Published<RunCancelled>(stopped).RunId);
        Assert.Empty(stopped.View.Runs);
    }

    [Fact]
    public void RunStarted_CarriesTheSettingsItStartedWith_AndWhoStartedIt()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));

        var step = Apply(view, new MoveSlider("ben", "class", 0.4));
        var started = Published<RunStarted>(step);

        Assert.Equal(0.4, started.Context!.State.Slider("class").Balance);
        Assert.Equal("Ben", started.Context.StartedBy);
        Assert.Equal("class", started.Context.MovedSliderId);
        Assert.Equal("Titanic", started.Context.Dataset.DisplayName);
    }

    [Fact]
    public void Baseline_IdFromWhatItsResultsDependOn_SameInAnyRoom_LinkedToTheRoom()
    {
        var first = Loaded();
        var other = Apply(RoomView.Opening("ZZZ-999", Choice, null, T0.AddHours(1)), new DatasetReady(RoomRules.SystemMember, Workspace(), Choice), seconds: 3600);

        Assert.Equal(Started(first).RunId, Started(other).RunId);
        Assert.Equal([Started(first).RunId], other.View.State.BaselineRunIds);
        Assert.Equal(Started(first).RunId, Published<RoomStateChanged>(other).State.BaselineRunIds[^1]);
        var tuned = first.View.State with { Algorithms = first.View.State.Algorithms.Select(a => a.AlgorithmId == "svm" ? a with { Threshold = 0.3 } : a).ToArray() };
        Assert.NotEqual(RoomReducer.BaselineRunId(first.View.State), RoomReducer.BaselineRunId(tuned));
        Assert.Equal(RoomReducer.BaselineRunId(first.View.State), RoomReducer.BaselineRunId(first.View.State with { Algorithms = first.View.State.Algorithms.Select(a => a with { HolderId = "ana" }).ToArray() }));
    }

    [Fact]
    public void DatasetReady_SameBaselineStillInFlight_ItGoesOn_NotStartedTwice()
    {
        var loaded = Loaded();

        var again = Apply(loaded.View, new DatasetReady("ana", Workspace(), Choice));

        Assert.Empty(again.Effects.OfType<CancelRun>());
        Assert.Empty(again.Effects.OfType<StartRun>());
        Assert.Equal(Started(loaded).RunId, Assert.Single(again.View.Runs.Keys));
        var finished = Finish(again.View, Started(loaded));
        Assert.Equal(4, finished.Latest.Count);
    }

    [Fact]
    public void AddAlgorithm_AfterResampling_TrainsOnlyTheNewCardOnTheSameRows()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));

        var step = Apply(view, new AddAlgorithm("ben", "easy-ensemble"));

        var plan = Started(step);
        Assert.Equal(["easy-ensemble"], plan.AlgorithmIds);
        Assert.Equal(Started(loaded).RunId, plan.PreparedFrom);
        Assert.True(step.View.Status["easy-ensemble"].IsTraining);
        view = Apply(step.View, new RunResult(plan.RunId, TestResults.Completed("easy-ensemble", TestResults.GoodScores), Neutral.Value.Summary)).View;
        Assert.Equal(5, view.Latest.Count);
    }

    [Fact]
    public void RemoveAlgorithm_ItsResultsStatusAndHistoryGo_ARunThatTrainedOnlyItIsCancelled()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded));
        var added = Apply(view, new AddAlgorithm("ben", "rusboost"));
        var run = Started(added);
        view = Apply(added.View, new RunResult(run.RunId, TestResults.Completed("rusboost", TestResults.GoodScores), Neutral.Value.Summary)).View;
        view = Apply(view, new SetAlgorithm("ben", "rusboost", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced))).View;
        var retraining = view.ResultFrom["rusboost"];

        var step = Apply(view, new RemoveAlgorithm("ana", "rusboost"));

        Assert.Equal(retraining, Assert.Single(step.Effects.OfType<CancelRun>()).RunId);
        Assert.False(step.View.Latest.ContainsKey("rusboost"));
        Assert.False(step.View.Status.ContainsKey("rusboost"));
        Assert.DoesNotContain(step.View.History, p => p.AlgorithmId == "rusboost");
        Assert.Empty(step.View.Runs);
        Assert.Equal(4, step.View.Latest.Count);
    }

    [Fact]
    public void DatasetReady_ReopenedRoomWithAnAddedCardAndCosts_BothComeBack_TheBaselineTrainsTheAddedCard()
    {
        var stored = new RoomState("K7Q-2MX", Choice, RoomDefaults.Sliders(Titanic, []),
            [.. RoomDefaults.Algorithms(), new AlgorithmSeat("isolation-forest", HyperparameterValues.Defaults, ClassWeighting.None, Threshold: 0.6)],
            Version: 3) { Costs = new CostMatrix(5, 1) };
        var view = RoomView.Opening("K7Q-2MX", Choice, stored, T0);

        var step = Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(), Choice));

        Assert.Equal(0.6, step.View.State.Seat("isolation-forest").Threshold);
        Assert.Equal(new CostMatrix(5, 1), step.View.State.Costs);
        Assert.Contains("isolation-forest", Started(step).AlgorithmIds);
    }
}
