using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Export;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// The room, as one pure function: <see cref="Apply"/> takes the room's view and any input (a member's
/// command, or a report of a run or a data-set load) and answers the next view and the work to do
/// (load, start or cancel runs, publish events). Nothing here waits, reads a clock or draws a random
/// number, so every rule is testable as a plain function and the runner is plumbing. What each command
/// does to the shared settings, and who may send it, is <see cref="RoomRules"/>.
/// </summary>
public static class RoomReducer
{
    public static RoomStep Apply(RoomView view, RoomInput input, DateTimeOffset now)
    {
        try
        {
            return input switch
            {
                SelectDataset c => Select(view, c, now),
                SetRelevanceThreshold c => Select(view, new SelectDataset(c.MemberId, RoomRules.WithRelevanceThreshold(view.State, view.Workspace, c)), now),
                SetProxiesLeftOut c => LeaveProxiesOut(view, c, now),
                // The janitor asks every 30 seconds: nothing to do changes nothing (no new version, no event).
                ExpireAwayMembers c when !view.State.Members.Any(m => !m.IsPresent && m.AwaySince <= now - c.Grace) => new RoomStep(view, []),
                ReleaseIdleSeats c => ReleaseIdle(view, c, now),
                RoomCommand c => Command(view, c, now),
                DatasetReady r => Loaded(view, r, now),
                RunPrepared r => Prepared(view, r),
                RunResult r => Result(view, r),
                RunEnded r => Ended(view, r, now),
                RunStopped r => Stopped(view, r),
                RunBroken r => Broken(view, r, now),
                _ => throw new ArgumentException($"Unknown input {input.GetType().Name}."),
            };
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or DatasetException)
        {
            return RoomStep.Refused(view, exception.Message);
        }
    }

    private static RoomStep Select(RoomView view, SelectDataset command, DateTimeOffset now)
    {
        RoomRules.CheckAllowed(view.State, command);
        // Loading first: a data set that cannot be loaded is refused and the room stays as it is.
        return new RoomStep(Touched(view, command.MemberId, now), [new LoadDataset(command.MemberId, command.Dataset)]);
    }

    /// <summary>The data set again with the sensitive column and its proxies excluded (or back): its load retrains every card.</summary>
    private static RoomStep LeaveProxiesOut(RoomView view, SetProxiesLeftOut command, DateTimeOffset now)
    {
        RoomRules.CheckAllowed(view.State, command);
        var split = view.Workspace?.Split ?? throw new InvalidOperationException("The room is still loading its data set; try again in a moment.");
        if (split.Data.Task == TargetTask.Regression) throw new ArgumentException("Fairness by group compares classifiers' groups: a numeric target has none.");
        var (dataset, exclusion, description) = ProxyExclusion.Toggle(view.State, command.LeaveOut, split);
        return new RoomStep(Touched(view, command.MemberId, now), [new LoadDataset(command.MemberId, dataset) { Proxies = new ProxyToggle(exclusion, description) }]);
    }

    private static RoomStep Command(RoomView view, RoomCommand command, DateTimeOffset now)
    {
        var outcome = RoomRules.Apply(view.State, command, view.Workspace?.Split, now);
        // Named as they were before the command ("Guest is now called Ben"); the server's own commands by no one.
        var who = command.MemberId == RoomRules.SystemMember ? "" : view.State.Member(command.MemberId)?.DisplayName ?? outcome.State.NameOf(command.MemberId);
        var next = Touched(view, command.MemberId, now) with
        {
            State = outcome.State,
            LastMovedSliderId = command switch
            {
                MoveSlider m => m.SliderId,
                ConfigureSlider c => c.SliderId,
                _ => view.LastMovedSliderId,
            },
            Activity = Append(view.Activity, now, who, outcome.Description),
            // The room is empty from the moment its last member leaves.
            EmptySince = outcome.State.Members.Any(m => m.IsPresent) ? null : view.EmptySince ?? now,
        };
        // A new threshold re-scores that algorithm's results from their stored scores: every view follows it.
        if (command is SetThreshold t) next = Rescored(next, t.AlgorithmId, t.Threshold);
        List<RoomEffect> effects = [new Publish(new RoomStateChanged(view.State.Code, outcome.State, command.MemberId, outcome.Description) { PublishedAt = now })];
        if (command is RemoveAlgorithm r) next = WithoutCard(next, r.AlgorithmId, effects);
        return outcome.Scope switch
        {
            RunScope.AllAlgorithms => StartFull(next, effects, outcome.Description, who, isBaseline: false, now),
            RunScope.OneAlgorithm => StartOne(next, effects, outcome.AlgorithmId!, outcome.Description, who, now),
            _ => new RoomStep(next, effects),
        };
    }

    private static RoomStep ReleaseIdle(RoomView view, ReleaseIdleSeats command, DateTimeOffset now)
    {
        var quiet = view.State.Algorithms
            .Where(a => a.HolderId is { } holder && now - view.LastActive.GetValueOrDefault(holder, now) > command.Idle)
            .Select(a => a.AlgorithmId).ToArray();
        var step = new RoomStep(view, []);
        foreach (var algorithmId in quiet)
        {
            var released = Command(step.View, new ReleaseSeat(RoomRules.SystemMember, algorithmId), now);
            step = new RoomStep(released.View, [.. step.Effects, .. released.Effects]);
        }
        return step;
    }

    private static RoomStep Loaded(RoomView view, DatasetReady ready, DateTimeOffset now)
    {
        var workspace = ready.Workspace;
        var state = view.State with
        {
            Dataset = ready.Dataset,
            Sliders = RoomDefaults.Sliders(workspace.Split, workspace.Importance),
            Algorithms = SeatsFor(view.State.Algorithms, workspace.Task),
            Version = view.State.Version + 1,
        };
        var description = ready.Proxies?.Description ?? $"loaded {workspace.Title}";
        // Only the load that leaves the proxies out keeps a record of them; any other load of a data set forgets it.
        state = state with { ProxiesLeftOut = ready.Proxies?.Exclusion };
        if (view.Restoring is { } restored)
        {
            // Reopened from storage: the room comes back as it was left (members and seat holders do not, unless the
            // room was open a moment ago on a server that died: then everyone is away until they come back).
            state = state with
            {
                Sliders = Migrated(restored.Sliders, workspace.Split),
                Algorithms = SeatsFor(restored.Algorithms.Select(a => view.RestoringLive ? a : a with { HolderId = null }).ToArray(), workspace.Task),
                Members = view.RestoringLive ? restored.Members.Select(m => m with { Connections = 0, AwaySince = m.AwaySince ?? now }).ToArray() : [],
                Leaky = restored.Leaky,
                Costs = restored.Costs,
                HostOnlyControls = restored.HostOnlyControls,
                ProxiesLeftOut = restored.ProxiesLeftOut,
                Version = restored.Version + 1,
            };
            description = view.RestoringLive ? $"moved to another server with {workspace.Title}" : $"reopened with {workspace.Title}";
        }
        // The sensitive column carries over (from the room before, or as stored) only if the new data set has it as one.
        var sensitive = view.Restoring?.SensitiveColumn ?? view.State.SensitiveColumn;
        state = state with { SensitiveColumn = sensitive is not null && Fairness.SensitiveColumns.Problem(workspace.Split.Data, sensitive) is null ? sensitive : null };
        // The baseline about to run is linked to the room (its stored copy may be another room's).
        var baselineId = BaselineRunId(state);
        state = state with { BaselineRunIds = [.. view.State.BaselineRunIds.Where(id => id != baselineId).TakeLast(MaxBaselines - 1), baselineId] };
        var next = view with
        {
            State = state,
            Restoring = null,
            RestoringLive = false,
            Workspace = workspace,
            DatasetTitle = workspace.Title,
            DatasetCredit = workspace.Credit,
            Columns = workspace.Split.Data.Data.Columns.Select(c => c.Name).ToArray(),
            Profile = workspace.Profile,
            Importance = workspace.Importance,
            TreeGains = workspace.TreeGains,
            ImportanceModel = workspace.ImportanceModel,
            Task = workspace.Task,
            Latest = new Dictionary<string, AlgorithmResult>(),
            Baseline = new Dictionary<string, AlgorithmResult>(),
            History = view.RestoringLive ? view.History : [], // a room that moved keeps its runs table and chart
            Training = null,
            Resampled = null,
            PreparedRunId = null,
            Error = null,
            LastMovedSliderId = null,
            AfterBaseline = null, // a change to the data set before is gone with it
            Activity = Append(view.Activity, now, state.NameOf(ready.MemberId), description),
        };
        List<RoomEffect> effects = [new Publish(new RoomStateChanged(state.Code, state, ready.MemberId, description) { PublishedAt = now })];
        return StartFull(next, effects, "baseline", ready.MemberId == RoomRules.SystemMember ? "" : state.NameOf(ready.MemberId), isBaseline: true, now);
    }

    /// <summary>
    /// The seats a data set of this task keeps: a numeric target keeps the four seats (their regressors share the ids)
    /// and drops added classifier cards, which have no regressor; settings the task's algorithm lacks go back to defaults.
    /// </summary>
    private static AlgorithmSeat[] SeatsFor(IReadOnlyList<AlgorithmSeat> seats, TargetTask task) =>
        seats.Select(s => s.For(task)).OfType<AlgorithmSeat>().ToArray();

    /// <summary>A stored class slider of the old one-sided kind, moved onto the balance track now that its class's natural share is known.</summary>
    private static IReadOnlyList<SliderState> Migrated(IReadOnlyList<SliderState> sliders, FeaturizedSplit split)
    {
        var minority = Resampling.ClassGroup.Minority(split.Data, split.Split.TrainRows);
        var natural = FocusGroupShare.Of(minority, split.Data, split.Split.TrainRows);
        return sliders.Select(s => s.StoredBeforeBalance ? s.MigratedOnto(minority, natural) : s).ToArray();
    }

    /// <summary>Retrains every algorithm on freshly resampled rows; every run in flight is cancelled (latest wins).</summary>
    private static RoomStep StartFull(RoomView view, List<RoomEffect> effects, string reason, string who, bool isBaseline, DateTimeOffset now)
    {
        if (!isBaseline && BaselineInFlight(view)) return AfterTheBaseline(view, effects, reason, who);
        var ids = view.State.Algorithms.Select(a => a.AlgorithmId).ToArray();
        var runId = isBaseline ? BaselineRunId(view.State) : NewRunId(view, now);
        var plan = new RunPlan(runId, reason, ids, isBaseline, view.State, isBaseline ? null : view.LastMovedSliderId, PreparedFrom: null);
        // The same baseline already in flight (the data set chosen again) goes on: it trains the very same models.
        if (view.Runs.ContainsKey(runId)) return new RoomStep(view, effects);
        foreach (var old in view.Runs.Keys) Cancel(view, old, effects);
        var next = view with
        {
            Runs = new Dictionary<string, RunPlan> { [plan.RunId] = plan },
            ResultFrom = ids.ToDictionary(id => id, _ => plan.RunId),
            PreparedRunId = null,
            Status = ids.ToDictionary(id => id, _ => new AlgorithmStatusView(true, "resampling")),
        };
        return Started(next, effects, plan, who, now);
    }

    /// <summary>Retrains one algorithm on the current resampled rows; its run in flight (if it trains nothing else) is cancelled.</summary>
    private static RoomStep StartOne(RoomView view, List<RoomEffect> effects, string algorithmId, string reason, string who, DateTimeOffset now)
    {
        if (BaselineInFlight(view)) return AfterTheBaseline(view, effects, reason, who);
        // Still resampling for a newer slider position (or never resampled): retrain everything with the new settings.
        if (view.PreparedRunId is not { } prepared) return StartFull(view, effects, reason, who, isBaseline: false, now);
        var plan = new RunPlan(NewRunId(view, now), reason, [algorithmId], IsBaseline: false, view.State, view.LastMovedSliderId, prepared);
        var resultFrom = new Dictionary<string, string>(view.ResultFrom) { [algorithmId] = plan.RunId };
        var runs = new Dictionary<string, RunPlan>(view.Runs) { [plan.RunId] = plan };
        // A run none of whose results is wanted any more is cancelled; a full run goes on for the other algorithms.
        foreach (var orphan in view.Runs.Keys.Where(id => !resultFrom.ContainsValue(id)))
        {
            Cancel(view, orphan, effects);
            runs.Remove(orphan);
        }
        var next = view with { Runs = runs, ResultFrom = resultFrom, Status = With(view.Status, algorithmId, new AlgorithmStatusView(true, "training")) };
        return Started(next, effects, plan, who, now);
    }

    private static bool BaselineInFlight(RoomView view) => view.Runs.Values.Any(plan => plan.IsBaseline);

    /// <summary>
    /// A change made while the data set's baseline trains waits for it rather than cancelling it: the baseline is every
    /// card's reference (a student moving a slider as the teacher loads a data set left the room without one). The
    /// latest change's description is kept; its run trains the room's settings as they are when the baseline ends (a
    /// change of one card's settings then retrains every card, the others from the cache).
    /// </summary>
    private static RoomStep AfterTheBaseline(RoomView view, List<RoomEffect> effects, string reason, string who) =>
        new(view with { AfterBaseline = new DeferredRun(reason, who) }, effects);

    /// <summary>When the run that ended is the baseline and a change waited for it (<see cref="AfterTheBaseline"/>): that change's run; else null.</summary>
    private static RoomStep? WaitedForTheBaseline(RoomView next, RunPlan ended, List<RoomEffect> effects, DateTimeOffset now) =>
        ended.IsBaseline && next.AfterBaseline is { } waiting
            ? StartFull(next with { AfterBaseline = null }, effects, waiting.Reason, waiting.Who, isBaseline: false, now)
            : null;

    private static RoomStep Started(RoomView view, List<RoomEffect> effects, RunPlan plan, string who, DateTimeOffset now)
    {
        var next = view with { RunsStarted = view.RunsStarted + 1 };
        effects.Add(new Publish(new RunStarted(view.State.Code, plan.RunId, plan.AlgorithmIds, plan.Reason, ContextOf(next, who)) { PublishedAt = now }));
        effects.Add(new StartRun(plan, next));
        return new RoomStep(next, effects);
    }

    private static RoomStep Prepared(RoomView view, RunPrepared report)
    {
        if (!view.Runs.TryGetValue(report.RunId, out var plan) || plan.PreparedFrom is not null) return new RoomStep(view, []);
        var owned = Owned(view, report.RunId);
        var next = view with
        {
            Training = report.Training,
            Resampled = report.Resampled,
            PreparedRunId = report.RunId,
            Status = owned.Aggregate(view.Status, (all, id) => With(all, id, new AlgorithmStatusView(true, "training"))),
        };
        return new RoomStep(next, owned.Select(id => (RoomEffect)new Publish(new AlgorithmProgress(view.State.Code, report.RunId, id, "training", report.Training))).ToArray());
    }

    private static RoomStep Result(RoomView view, RunResult report)
    {
        var id = report.Result.AlgorithmId;
        // A result of a superseded run never overwrites a newer one.
        if (view.ResultFrom.GetValueOrDefault(id) != report.RunId || !view.Runs.TryGetValue(report.RunId, out var plan))
        {
            return new RoomStep(view, []);
        }
        // Scored at the card's room-wide threshold as it is now (it may have moved during the run); the trained
        // model is not kept in the view (it would stay alive in every one).
        var training = report.Training;
        var result = report.Result.AtThreshold(view.State.Seat(id).Threshold) with { Model = null, Regressor = null };
        var numbers = view.RunNumbers.ContainsKey(report.RunId) ? view.RunNumbers : With(view.RunNumbers, report.RunId, view.RunNumbers.Count + 1);
        var point = result.Metrics is null && result.Regression is null ? null : RoomHistory.PointFor(plan, view, result, training) with { RunNumber = numbers[report.RunId] };
        var next = view with
        {
            Latest = With(view.Latest, id, result),
            Baseline = plan.IsBaseline ? With(view.Baseline, id, result) : view.Baseline,
            Status = With(view.Status, id, new AlgorithmStatusView(false, result.Status == AlgorithmStatus.Completed ? "done" : result.Error ?? "failed")),
            // One point per run and card: a baseline trained again (a room that moved to another server) is not drawn twice.
            History = point is null || view.History.Any(p => p.RunId == report.RunId && p.AlgorithmId == id) ? view.History : [.. view.History, point],
            RunNumbers = numbers,
            Training = plan.PreparedFrom is null ? training : view.Training,
            Error = null,
        };
        var completed = new AlgorithmCompleted(view.State.Code, report.RunId, result, training)
        {
            // A change waiting for this baseline trains the cards next: their wait is not over.
            LeavesNoneTraining = next.Status.Values.All(status => !status.IsTraining) && next.AfterBaseline is null,
        };
        return new RoomStep(next, [new Publish(completed)]);
    }

    private static RoomStep Ended(RoomView view, RunEnded report, DateTimeOffset now)
    {
        if (!view.Runs.TryGetValue(report.RunId, out var plan)) return new RoomStep(view, []);
        var next = Finished(view, report.RunId);
        List<RoomEffect> effects = [new Publish(new RunCompleted(view.State.Code, report.RunId, report.Seconds) { PublishedAt = now })];
        // A reopened room (or a replayed run) trains its sliders' positions once its baseline is in.
        return WaitedForTheBaseline(next, plan, effects, now) ?? (plan.IsBaseline && next.State.Changes().Count > 0
            ? StartFull(next, effects, "the sliders' positions", "", isBaseline: false, now)
            : new RoomStep(next, effects));
    }

    /// <summary>
    /// A run the room did not cancel itself (e.g. the room closed) ends with its reason; one the room cancelled
    /// was announced then, and its late reports (stopped, ended or broken in the race with the cancellation) change nothing.
    /// </summary>
    private static RoomStep Stopped(RoomView view, RunStopped report) =>
        view.Runs.ContainsKey(report.RunId)
            ? new(Finished(view, report.RunId), [new Publish(new RunCancelled(view.State.Code, report.RunId, report.Reason))])
            : new(view, []);

    /// <summary>
    /// Asks for a run to stop and announces it at once, so a client that saw it start always sees it end, even
    /// when the run finishes before the cancellation reaches it (its end is then no longer the room's concern).
    /// </summary>
    private static void Cancel(RoomView view, string runId, List<RoomEffect> effects)
    {
        effects.Add(new CancelRun(runId));
        effects.Add(new Publish(new RunCancelled(view.State.Code, runId, SupersededReason)));
    }

    private const string SupersededReason = "a newer change";

    private static RoomStep Broken(RoomView view, RunBroken report, DateTimeOffset now)
    {
        if (!view.Runs.ContainsKey(report.RunId)) return new RoomStep(view, []);
        var failed = new AlgorithmStatusView(false, report.Message);
        var next = Finished(view, report.RunId) with
        {
            Status = Owned(view, report.RunId).Aggregate(view.Status, (all, id) => With(all, id, failed)),
            Error = report.Message,
        };
        List<RoomEffect> effects = [new Publish(new RunFailed(view.State.Code, report.RunId, report.Message))];
        // A change that waited for a baseline that failed is still what the room asked for: it runs now.
        return WaitedForTheBaseline(next, view.Runs[report.RunId], effects, now) ?? new RoomStep(next, effects);
    }

    /// <summary>The view without a run that has ended one way or another.</summary>
    private static RoomView Finished(RoomView view, string runId)
    {
        if (!view.Runs.ContainsKey(runId)) return view;
        var runs = new Dictionary<string, RunPlan>(view.Runs);
        runs.Remove(runId);
        return view with { Runs = runs, ResultFrom = view.ResultFrom.Where(r => r.Value != runId).ToDictionary() };
    }

    /// <summary>
    /// The view without a removed card's results, status and history; a run that trained only it is cancelled
    /// (a full run goes on for the others, and its result for the removed card is dropped).
    /// </summary>
    private static RoomView WithoutCard(RoomView view, string algorithmId, List<RoomEffect> effects)
    {
        IReadOnlyDictionary<string, T> Without<T>(IReadOnlyDictionary<string, T> values) => values.Where(v => v.Key != algorithmId).ToDictionary();
        var resultFrom = Without(view.ResultFrom);
        var runs = new Dictionary<string, RunPlan>(view.Runs);
        foreach (var orphan in view.Runs.Keys.Where(id => !resultFrom.Values.Contains(id)))
        {
            Cancel(view, orphan, effects);
            runs.Remove(orphan);
        }
        return view with
        {
            Latest = Without(view.Latest),
            Baseline = Without(view.Baseline),
            Status = Without(view.Status),
            ResultFrom = resultFrom,
            Runs = runs,
            History = view.History.Where(p => p.AlgorithmId != algorithmId).ToArray(),
        };
    }

    private static string[] Owned(RoomView view, string runId) => view.ResultFrom.Where(r => r.Value == runId).Select(r => r.Key).ToArray();

    /// <summary>The view with one algorithm's latest, baseline and history metrics at a new threshold.</summary>
    private static RoomView Rescored(RoomView view, string algorithmId, double threshold)
    {
        IReadOnlyDictionary<string, AlgorithmResult> At(IReadOnlyDictionary<string, AlgorithmResult> results) =>
            results.TryGetValue(algorithmId, out var result) ? With(results, algorithmId, result.AtThreshold(threshold)) : results;
        return view with
        {
            Latest = At(view.Latest),
            Baseline = At(view.Baseline),
            History = view.History.Select(p => p.AlgorithmId == algorithmId ? p.AtThreshold(threshold) : p).ToArray(),
        };
    }

    /// <summary>What a run starts with, carried by its <see cref="RunStarted"/> so that listeners (storage) never read the room back.</summary>
    private static RunContext ContextOf(RoomView view, string who)
    {
        var workspace = view.Workspace!;
        var data = workspace.Split.Data;
        var dataset = new RunDataset(view.State.Dataset.Source, workspace.Title, data.TargetColumn, data.PositiveClass, data.NegativeClass,
            workspace.Split.Split.TrainRows.Count, workspace.Split.Split.TestRows.Count, workspace.Credit);
        return new RunContext(view.State, dataset, string.IsNullOrEmpty(who) ? RoomRules.SystemMember : who, view.LastMovedSliderId);
    }

    /// <summary>How many baseline links a room keeps (one per data set it opened).</summary>
    private const int MaxBaselines = 20;

    /// <summary>
    /// A baseline's id: made from everything its results depend on (data set, target, split, every seat's
    /// settings and threshold), so the same baseline opened again, in any room, has the same id and is stored once.
    /// </summary>
    public static string BaselineRunId(RoomState state) =>
        Hash("baseline|" + JsonSerializer.Serialize(new { state.Dataset, Seats = state.Algorithms.Select(a => a with { HolderId = null }) }));

    /// <summary>A new run's id, made from the room, the time and the room's run count (the reducer draws no random numbers).</summary>
    private static string NewRunId(RoomView view, DateTimeOffset now) =>
        Hash(string.Join('|', view.State.Code, now.UtcTicks.ToString(CultureInfo.InvariantCulture), view.RunsStarted.ToString(CultureInfo.InvariantCulture)));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    private static RoomView Touched(RoomView view, string memberId, DateTimeOffset now) =>
        memberId == RoomRules.SystemMember ? view : view with { LastActive = With(view.LastActive, memberId, now) };

    private static IReadOnlyDictionary<string, T> With<T>(IReadOnlyDictionary<string, T> values, string key, T value) =>
        new Dictionary<string, T>(values) { [key] = value };

    private static IReadOnlyList<ActivityEntry> Append(IReadOnlyList<ActivityEntry> activity, DateTimeOffset now, string who, string what) =>
        [.. activity.TakeLast(RoomView.ActivityLength - 1), new ActivityEntry(now, who, what)];
}
