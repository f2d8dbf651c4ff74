using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// The single writer of one room. Commands queue in a channel and are applied one at a time to the
/// room's plain state; runs happen in the background, and the latest change wins: a slider move
/// cancels the run in flight, a settings change for one algorithm cancels only that algorithm's run.
/// Every change and result is published through the <see cref="RoomNotifier"/>.
/// </summary>
public sealed class RoomRunner : IAsyncDisposable
{
    private const int ActivityLength = 50;

    /// <summary>What a client is told when a command failed for a reason of the server's own.</summary>
    public const string UnexpectedError = "The server could not do that because of an error of its own (now in its log). Try again; if it happens again, tell whoever runs the server.";

    private readonly Channel<(RoomCommand Command, TaskCompletionSource<string?> Done)> _commands;
    private readonly SemaphoreSlim _thresholdSearches;
    private readonly RoomNotifier _notifier;
    private readonly WorkspaceCache _workspaces;
    private readonly MullerLoop _loop;
    private readonly TrainingSlots _slots;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _processing;

    // Run bookkeeping, guarded by _gate. A result is kept only if its algorithm's generation is
    // still current, so a slow, superseded fit can never overwrite a newer one.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _generation = [];
    private readonly Dictionary<string, int> _runNumbers = [];
    private readonly Dictionary<string, DateTimeOffset> _lastActive = [];
    private readonly Dictionary<string, CancellationTokenSource> _algorithmRuns = [];
    private CancellationTokenSource? _fullRun;
    private CancellationTokenSource? _sweep;

    // Ends when the latest full run has finished, failed or been cancelled: what a sweep waits for between moves.
    private Task _fullRunEnded = Task.CompletedTask;
    private PreparedRun? _prepared;
    private bool _preparing;
    private RoomSnapshot _snapshot;

    private RoomState? _restoring;
    private readonly int _queueLimit;

    /// <param name="restored">A stored state to reopen the room with (sliders, settings, modes); null for a new room.</param>
    /// <param name="limits">How many commands may wait and how many threshold searches may run; defaults when null.</param>
    public RoomRunner(string code, DatasetChoice initial, RoomNotifier notifier, WorkspaceCache workspaces, MullerLoop loop, TrainingSlots slots,
        ILogger logger, RoomState? restored = null, Security.SecurityOptions? limits = null)
    {
        limits ??= new Security.SecurityOptions();
        // Bounded: a client flooding a room with commands is refused, not queued without end.
        _commands = Channel.CreateBounded<(RoomCommand, TaskCompletionSource<string?>)>(
            new BoundedChannelOptions(limits.QueuedCommandsPerRoom) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _queueLimit = limits.QueuedCommandsPerRoom;
        _thresholdSearches = new SemaphoreSlim(limits.ThresholdSearchesPerRoom);
        _slots = slots;
        _restoring = restored;
        Code = code;
        _notifier = notifier;
        _workspaces = workspaces;
        _loop = loop;
        _logger = logger;
        var state = new RoomState(code, initial, [], RoomDefaults.Algorithms());
        _snapshot = new RoomSnapshot(state, null, new Dictionary<string, AlgorithmResult>(), new Dictionary<string, AlgorithmResult>(),
            state.Algorithms.ToDictionary(a => a.AlgorithmId, _ => new AlgorithmStatusView(true, "loading the data set")),
            [], null, null, [], null, null);
        _processing = Task.Run(ProcessAsync);
        _ = ExecuteAsync(new SelectDataset(RoomRules.SystemMember, initial));
    }

    public string Code { get; }

    /// <summary>The room as it is now; a new object after every change.</summary>
    public RoomSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>When the room last had no members (null while someone is in it).</summary>
    public DateTimeOffset? EmptySince { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Members away for longer than <paramref name="grace"/> leave for good: their seats are freed, the host role passes on.</summary>
    public Task ExpireAwayMembersAsync(TimeSpan grace)
    {
        var awayBefore = DateTimeOffset.UtcNow - grace;
        return Snapshot.State.Members.Any(m => !m.IsPresent && m.AwaySince <= awayBefore)
            ? (Task)ExecuteAsync(new ExpireAwayMembers(grace))
            : Task.CompletedTask;
    }

    /// <summary>Releases the seats of holders who have sent nothing for longer than <paramref name="idle"/>.</summary>
    public async Task ReleaseIdleSeatsAsync(TimeSpan idle)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var seat in Snapshot.State.Algorithms.Where(a => a.HolderId is not null))
        {
            DateTimeOffset last;
            lock (_gate) last = _lastActive.GetValueOrDefault(seat.HolderId!, now);
            if (now - last > idle) await ExecuteAsync(new ReleaseSeat(RoomRules.SystemMember, seat.AlgorithmId));
        }
    }

    /// <summary>
    /// Chooses a decision threshold for one algorithm on validation rows held out of the training rows
    /// (<see cref="ValidationThreshold"/>), with the room's sliders and that seat's settings as they are now.
    /// It changes nothing in the room: the threshold is each viewer's own. Takes a fair training slot like a run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The data set is still loading.</exception>
    public async Task<ValidationThresholdResult> FindBestThresholdAsync(string algorithmId, MetricId metric, CancellationToken cancellationToken)
    {
        var at = Snapshot;
        var workspace = at.Workspace ?? throw new InvalidOperationException("The data set is still loading; try again once the first results are in.");
        var settings = at.State.Seat(algorithmId).ToSettings();
        if (!_thresholdSearches.Wait(0))
        {
            throw new InvalidOperationException("This room is already choosing thresholds for other cards. Wait for one of them to finish, then try again.");
        }
        try
        {
            using (await _slots.AcquireAsync(Code, cancellationToken))
            {
                return await MullerLoop.RunDedicatedAsync(() => ValidationThreshold.Find(workspace.Split, at.State.Changes(), settings, metric,
                    at.State.Dataset.SplitSeed, cancellationToken), cancellationToken);
            }
        }
        finally
        {
            _thresholdSearches.Release();
        }
    }

    /// <summary>Positions a sweep visits: 5 % to 80 % of the training rows in equal steps.</summary>
    public static IReadOnlyList<double> SweepShares { get; } =
        Enumerable.Range(0, 8).Select(step => Math.Round(0.05 + (0.80 - 0.05) * step / 7, 3)).ToArray();

    /// <summary>
    /// Moves a slider across its range, one run per position, each run finished before the next move, so
    /// the history chart fills with a curve. Answers null when done, or why a move was refused.
    /// </summary>
    public async Task<string?> SweepAsync(string memberId, string sliderId, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        for (var step = 0; step < SweepShares.Count; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ExecuteAsync(new MoveSlider(memberId, sliderId, SweepShares[step])) is { } refusal) return refusal;
            // The move has been applied, so its run is the latest full run: wait for it, not for a status that may lag.
            Task ended;
            lock (_gate) ended = _fullRunEnded;
            await ended.WaitAsync(cancellationToken);
            progress?.Report((step + 1) / (double)SweepShares.Count);
        }
        return null;
    }

    /// <summary>Starts a sweep in the background for a client that does not wait on it (the hub); a newer one stops the older.</summary>
    public string? StartSweep(string memberId, string sliderId)
    {
        var state = Snapshot.State;
        if (RoomRules.Refusal(state, new MoveSlider(memberId, sliderId, null)) is { } refusal) return refusal;
        if (state.Sliders.All(s => s.Id != sliderId)) return $"This room has no slider '{sliderId}'. Its sliders are: {string.Join(", ", state.Sliders.Select(s => s.Id))}.";
        CancellationToken token;
        lock (_gate)
        {
            Stop(_sweep);
            _sweep = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            token = _sweep.Token;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await SweepAsync(memberId, sliderId, progress: null, token);
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        return null;
    }

    /// <summary>Stops a sweep started with <see cref="StartSweep"/>; the run in flight finishes.</summary>
    public void StopSweep()
    {
        lock (_gate)
        {
            Stop(_sweep);
            _sweep = null;
        }
    }

    /// <summary>Queues a command; completes when it was applied, with null, or with the message saying why it was refused.</summary>
    public Task<string?> ExecuteAsync(RoomCommand command)
    {
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_commands.Writer.TryWrite((command, done)))
        {
            done.TrySetResult(_stopping.IsCancellationRequested
                ? "This room is closed."
                : $"This room has {_queueLimit} changes waiting to be applied. Wait a moment for them, then try again.");
        }
        return done.Task;
    }

    private async Task ProcessAsync()
    {
        try
        {
            await foreach (var (command, done) in _commands.Reader.ReadAllAsync(_stopping.Token))
            {
                try
                {
                    await ApplyAsync(command);
                    done.TrySetResult(null);
                }
                catch (Exception exception) when (exception is ArgumentException or DatasetException or InvalidOperationException)
                {
                    done.TrySetResult(UserMessage.From(exception));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // An unexpected failure: its details go to the log, never to a client.
                    _logger.LogError(exception, "Room {Room}: command {Command} failed", Code, command.GetType().Name);
                    done.TrySetResult(UnexpectedError);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(RoomCommand command)
    {
        lock (_gate) _lastActive[command.MemberId] = DateTimeOffset.UtcNow;
        if (command is SelectDataset select)
        {
            RoomRules.CheckAllowed(Snapshot.State, select);
            await LoadDatasetAsync(select);
            return;
        }
        var snapshot = Snapshot;
        var outcome = RoomRules.Apply(snapshot.State, command, snapshot.Workspace?.Split, DateTimeOffset.UtcNow);
        var moved = command switch
        {
            MoveSlider m => m.SliderId,
            ConfigureSlider c => c.SliderId,
            _ => snapshot.LastMovedSliderId,
        };
        // The room is empty from the moment its last member leaves (a new room starts empty).
        EmptySince = outcome.State.Members.Any(m => m.IsPresent) ? null : EmptySince ?? DateTimeOffset.UtcNow;
        // A new threshold re-scores that algorithm's results from their stored scores: every view follows it.
        var rescore = command is SetThreshold t ? t : null;
        // Named as they were before the command ("Guest is now called Ben"); the server's own commands by no one.
        var who = command.MemberId == RoomRules.SystemMember ? "" : snapshot.State.Member(command.MemberId)?.DisplayName ?? outcome.State.NameOf(command.MemberId);
        Publish(s => (rescore is null ? s : Rescored(s, rescore.AlgorithmId, rescore.Threshold)) with
            {
                State = outcome.State, LastMovedSliderId = moved, Activity = Append(s.Activity, who, outcome.Description),
            },
            new RoomStateChanged(Code, outcome.State, command.MemberId, outcome.Description));
        switch (outcome.Scope)
        {
            case RunScope.AllAlgorithms:
                StartFullRun(outcome.Description, isBaseline: false);
                break;
            case RunScope.OneAlgorithm:
                StartAlgorithmRun(outcome.AlgorithmId!, outcome.Description);
                break;
        }
    }

    private async Task LoadDatasetAsync(SelectDataset command)
    {
        // Load first: a data set that cannot be loaded is refused and the run in flight goes on.
        var workspace = await _workspaces.GetAsync(command.Dataset, _stopping.Token);
        CancelRuns();
        var snapshot = Snapshot;
        var state = snapshot.State with
        {
            Dataset = command.Dataset,
            Sliders = RoomDefaults.Sliders(workspace.Split, workspace.Importance),
            Version = snapshot.State.Version + 1,
        };
        var description = $"loaded {workspace.Title}";
        if (_restoring is { } restored)
        {
            // Reopened from storage: the room comes back as it was left (members and seat holders do not).
            state = state with
            {
                Sliders = restored.Sliders,
                Algorithms = restored.Algorithms.Select(a => a with { HolderId = null }).ToArray(),
                Leaky = restored.Leaky,
                HostOnlyControls = restored.HostOnlyControls,
                Version = restored.Version + 1,
            };
            description = $"reopened with {workspace.Title}";
            _restoring = null;
        }
        Publish(s => s with
        {
            State = state,
            Workspace = workspace,
            Latest = new Dictionary<string, AlgorithmResult>(),
            Baseline = new Dictionary<string, AlgorithmResult>(),
            History = [],
            Training = null,
            Resampled = null,
            Error = null,
            LastMovedSliderId = null,
            Activity = Append(s.Activity, state.NameOf(command.MemberId), description),
        }, new RoomStateChanged(Code, state, command.MemberId, description));
        StartFullRun("baseline", isBaseline: true);
    }

    private void CancelRuns()
    {
        lock (_gate)
        {
            StopAllRuns();
            _prepared = null;
        }
    }

    /// <summary>Cancels every run in flight; call under <see cref="_gate"/>.</summary>
    private void StopAllRuns()
    {
        Stop(_fullRun);
        _fullRun = null;
        foreach (var run in _algorithmRuns.Values) Stop(run);
        _algorithmRuns.Clear();
    }

    /// <summary>Cancels a run and lets go of its token source (its token still reads as cancelled in the run's code).</summary>
    private static void Stop(CancellationTokenSource? run)
    {
        if (run is null) return;
        run.Cancel();
        run.Dispose();
    }

    private void StartFullRun(string reason, bool isBaseline)
    {
        CancellationToken token;
        Dictionary<string, int> generations;
        lock (_gate)
        {
            StopAllRuns();
            _fullRun = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            token = _fullRun.Token; // taken now: a newer run may dispose the source before this one starts
            _preparing = true;
            foreach (var seat in Snapshot.State.Algorithms) _generation[seat.AlgorithmId] = _generation.GetValueOrDefault(seat.AlgorithmId) + 1;
            generations = new Dictionary<string, int>(_generation);
        }
        var snapshot = Snapshot;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _fullRunEnded = ended.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(NewRunId(), reason, snapshot, snapshot.State.Algorithms, generations, prepared: null, isBaseline, token);
            }
            finally
            {
                ended.TrySetResult();
            }
        });
    }

    private void StartAlgorithmRun(string algorithmId, string reason)
    {
        PreparedRun? prepared;
        lock (_gate)
        {
            prepared = _prepared;
            if (prepared is null || _preparing)
            {
                prepared = null;
            }
            else
            {
                if (_algorithmRuns.Remove(algorithmId, out var previous)) Stop(previous);
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _algorithmRuns[algorithmId] = cancel;
                var token = cancel.Token;
                var generation = _generation[algorithmId] = _generation.GetValueOrDefault(algorithmId) + 1;
                var snapshot = Snapshot;
                var seat = snapshot.State.Seat(algorithmId);
                var generations = new Dictionary<string, int> { [algorithmId] = generation };
                _ = Task.Run(() => RunAsync(NewRunId(), reason, snapshot, [seat], generations, prepared, isBaseline: false, token));
                return;
            }
        }
        // Still resampling for a newer slider position: retrain everything with the new settings.
        StartFullRun(reason, isBaseline: false);
    }

    private async Task RunAsync(string runId, string reason, RoomSnapshot at, IReadOnlyList<AlgorithmSeat> seats,
        IReadOnlyDictionary<string, int> generations, PreparedRun? prepared, bool isBaseline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ids = seats.Select(s => s.AlgorithmId).ToArray();
        try
        {
            await _notifier.PublishAsync(new RunStarted(Code, runId, ids, reason, ContextOf(at)));
            SetStatus(ids, generations, new AlgorithmStatusView(true, prepared is null ? "resampling" : "training"));
            if (prepared is null)
            {
                // A baseline is the data as it is, whatever the sliders say (a reopened room's sliders run next).
                var changes = isBaseline ? [] : at.State.Changes();
                using (await _slots.AcquireAsync(Code, cancellationToken))
                {
                    // Resampling is CPU work too: it takes a fair training slot and a thread of its own.
                    prepared = await MullerLoop.RunDedicatedAsync(() => RunPreparation.Prepare(at.Workspace!.Split, changes,
                        at.State.Dataset.SplitSeed, at.State.Leaky && !isBaseline, at.Workspace.Neighbours, cancellationToken), cancellationToken);
                }
                lock (_gate)
                {
                    if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                    _prepared = prepared;
                    _preparing = false;
                }
                Update(s => s with { Training = prepared.Summary, Resampled = prepared.Resampled });
                SetStatus(ids, generations, new AlgorithmStatusView(true, "training"));
            }
            foreach (var id in ids) await _notifier.PublishAsync(new AlgorithmProgress(Code, runId, id, "training", prepared.Summary));

            var options = new LoopOptions(AlgorithmSeat.DefaultThreshold, at.State.Dataset.SplitSeed, Code);
            // Cards keep their own order; results arrive as they finish, the quickest fit started first (StartOrder).
            var startOrder = StartOrder.For(seats.Select(s => s.ToSettings()),
                at.Latest.ToDictionary(l => l.Key, l => l.Value.Timings.FitSeconds));
            await foreach (var scored in _loop.RunAsync(prepared.Data, startOrder, options, cancellationToken))
            {
                // Scored at the card's room-wide threshold as it is now (it may have moved during the run); the trained
                // model is not kept in the room's snapshots (it would stay alive in every one).
                var result = scored.AtThreshold(Snapshot.State.Seat(scored.AlgorithmId).Threshold) with { Model = null };
                if (Accept(runId, at, result, prepared.Summary, generations[result.AlgorithmId], isBaseline))
                {
                    await _notifier.PublishAsync(new AlgorithmCompleted(Code, runId, result, prepared.Summary));
                }
            }
            await _notifier.PublishAsync(new RunCompleted(Code, runId, clock.Elapsed.TotalSeconds));
            if (isBaseline && Snapshot.State.Changes().Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                StartFullRun("the sliders' positions", isBaseline: false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _notifier.PublishAsync(new RunCancelled(Code, runId, _stopping.IsCancellationRequested ? "the room closed" : "a newer change"));
        }
        catch (Exception exception)
        {
            var message = exception is DatasetException or ArgumentException ? UserMessage.From(exception) : $"Training failed: {UserMessage.From(exception)}";
            if (exception is not (DatasetException or ArgumentException)) _logger.LogError(exception, "Room {Room}: run {Run} failed", Code, runId);
            lock (_gate) _preparing = false;
            SetStatus(ids, generations, new AlgorithmStatusView(false, message));
            Update(s => s with { Error = message });
            await _notifier.PublishAsync(new RunFailed(Code, runId, message));
        }
    }

    /// <summary>The snapshot with one algorithm's latest, baseline and history metrics at a new threshold.</summary>
    private static RoomSnapshot Rescored(RoomSnapshot snapshot, string algorithmId, double threshold)
    {
        IReadOnlyDictionary<string, AlgorithmResult> At(IReadOnlyDictionary<string, AlgorithmResult> results) =>
            results.TryGetValue(algorithmId, out var result) ? With(results, algorithmId, result.AtThreshold(threshold)) : results;
        return snapshot with
        {
            Latest = At(snapshot.Latest),
            Baseline = At(snapshot.Baseline),
            History = snapshot.History.Select(p => p.AlgorithmId == algorithmId ? p.AtThreshold(threshold) : p).ToArray(),
        };
    }

    /// <summary>Records a result unless a newer run of its algorithm has started since.</summary>
    private bool Accept(string runId, RoomSnapshot at, AlgorithmResult result, TrainingSummary training, int generation, bool isBaseline)
    {
        lock (_gate)
        {
            if (_generation.GetValueOrDefault(result.AlgorithmId) != generation) return false;
            if (!_runNumbers.TryGetValue(runId, out var number)) _runNumbers[runId] = number = _runNumbers.Count + 1;
            var point = result.Metrics is null ? null : HistoryFor(runId, at, result, training) with
            {
                Predictions = (result.TestScores, result.TestLabels),
                RunNumber = number,
                Settings = SettingsOf(at, training, isBaseline),
            };
            Update(s => s with
            {
                Latest = With(s.Latest, result.AlgorithmId, result),
                Baseline = isBaseline ? With(s.Baseline, result.AlgorithmId, result) : s.Baseline,
                Status = With(s.Status, result.AlgorithmId, new AlgorithmStatusView(false, result.Status == AlgorithmStatus.Completed ? "done" : result.Error ?? "failed")),
                History = point is null ? s.History : [.. s.History, point],
                Error = null,
            });
            return true;
        }
    }

    /// <summary>The settings a run starts with, for its listeners (storage) to keep as they were.</summary>
    private static RunContext ContextOf(RoomSnapshot at)
    {
        var workspace = at.Workspace!;
        var data = workspace.Split.Data;
        var dataset = new Core.Export.RunDataset(at.State.Dataset.Source, workspace.Title, data.TargetColumn, data.PositiveClass, data.NegativeClass,
            workspace.Split.Split.TrainRows.Count, workspace.Split.Split.TestRows.Count, workspace.Credit);
        var who = at.Activity.LastOrDefault()?.Who;
        return new RunContext(at.State, dataset, string.IsNullOrEmpty(who) ? RoomRules.SystemMember : who, at.LastMovedSliderId);
    }

    /// <summary>The sliders a run was made with, as a row of the runs table shows them.</summary>
    private static string SettingsOf(RoomSnapshot at, TrainingSummary training, bool isBaseline)
    {
        var data = at.Workspace!.Split.Data;
        var moved = isBaseline ? [] : at.State.Sliders.Where(s => s.TargetShare is not null).ToArray();
        return moved.Length == 0
            ? "every slider at neutral"
            : string.Join(" · ", moved.Select(s => $"{s.Group.Describe(data)} {SliderPercent(at.State.ReportOf(s, training)?.ShareAfter ?? s.TargetShare!.Value)}"));
    }

    private static string SliderPercent(double share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static HistoryPoint HistoryFor(string runId, RoomSnapshot at, AlgorithmResult result, TrainingSummary training)
    {
        var split = at.Workspace!.Split;
        var sliderId = at.LastMovedSliderId;
        var slider = at.State.Sliders.FirstOrDefault(s => s.Id == sliderId);
        if (slider is null)
        {
            var classSlider = at.State.Sliders.First(s => s.IsClassSlider);
            return new HistoryPoint(runId, result.AlgorithmId, null, "baseline",
                FocusGroupShare.Of(classSlider.Group, split.Data, split.Split.TrainRows), result.Metrics!, at.State.Leaky);
        }
        var position = at.State.ReportOf(slider, training)?.ShareAfter ?? FocusGroupShare.Of(slider.Group, split.Data, split.Split.TrainRows);
        return new HistoryPoint(runId, result.AlgorithmId, slider.Id, slider.Group.Describe(split.Data), position, result.Metrics!, at.State.Leaky);
    }

    private void SetStatus(IEnumerable<string> ids, IReadOnlyDictionary<string, int> generations, AlgorithmStatusView status)
    {
        lock (_gate)
        {
            var current = ids.Where(id => _generation.GetValueOrDefault(id) == generations[id]).ToArray();
            Update(s => s with { Status = current.Aggregate(s.Status, (all, id) => With(all, id, status)) });
        }
    }

    private void Update(Func<RoomSnapshot, RoomSnapshot> change)
    {
        lock (_gate) Volatile.Write(ref _snapshot, change(_snapshot));
    }

    /// <summary>Changes the snapshot (from the fresh one: runs update it concurrently), then tells listeners.</summary>
    private void Publish(Func<RoomSnapshot, RoomSnapshot> change, RoomEvent roomEvent)
    {
        Update(change);
        _ = _notifier.PublishAsync(roomEvent);
    }

    private static IReadOnlyDictionary<string, T> With<T>(IReadOnlyDictionary<string, T> values, string key, T value) =>
        new Dictionary<string, T>(values) { [key] = value };

    private static IReadOnlyList<ActivityEntry> Append(IReadOnlyList<ActivityEntry> activity, string who, string what) =>
        [.. activity.TakeLast(ActivityLength - 1), new ActivityEntry(DateTimeOffset.UtcNow, who, what)];

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    public async ValueTask DisposeAsync()
    {
        _commands.Writer.TryComplete();
        await _stopping.CancelAsync();
        StopSweep();
        CancelRuns();
        try
        {
            await _processing;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
        _thresholdSearches.Dispose();
    }
}
