using System.Collections.Concurrent;
using Dashboard.Core.Export;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;

namespace Dashboard.Storage;

/// <summary>
/// Listens to every room and stores what a class did. A run is collected from its RunStarted (the
/// room's settings at that moment) and AlgorithmCompleted events, and written in one transaction
/// when its RunCompleted arrives, before that event's handling returns; a cancelled, failed or
/// interrupted run leaves nothing. Room states are saved as they change, newest version winning,
/// by a background loop that never holds up the room.
/// </summary>
public sealed class RunRecorder(RoomNotifier notifier, RunStore runs, IRoomStore roomStore, ILogger<RunRecorder> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PendingRun> _pending = new();
    private readonly ConcurrentDictionary<string, RoomState> _dirtyRooms = new();
    private readonly SemaphoreSlim _roomsChanged = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;
    private IDisposable? _subscription;
    private Task _roomWriter = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(null, OnEventAsync, RoomNotifier.StorageOrder, originOnly: true);
        _roomWriter = Task.Run(WriteRoomsAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Runs being collected now (for tests and diagnostics).</summary>
    internal int PendingCount => _pending.Count;

    private async Task OnEventAsync(RoomEvent roomEvent)
    {
        switch (roomEvent)
        {
            case RoomStateChanged changed:
                _dirtyRooms.AddOrUpdate(changed.RoomCode, changed.State, (_, old) => changed.State.Version >= old.Version ? changed.State : old);
                _roomsChanged.Release();
                break;
            case RunStarted started:
                // The event carries what the run was started with: the room is never read back (it may have moved on).
                if (started.Context is { } context) _pending[Key(started.RoomCode, started.RunId)] = new PendingRun(started, context);
                break;
            case AlgorithmCompleted completed when _pending.TryGetValue(Key(completed.RoomCode, completed.RunId), out var pending):
                pending.Add(completed);
                break;
            case RunCompleted done when _pending.TryRemove(Key(done.RoomCode, done.RunId), out var finished):
                await StoreAsync(finished, done);
                break;
            case RunCancelled cancelled:
                _pending.TryRemove(Key(cancelled.RoomCode, cancelled.RunId), out _);
                break;
            case RunFailed failed:
                _pending.TryRemove(Key(failed.RoomCode, failed.RunId), out _);
                break;
        }
    }

    /// <summary>
    /// Turns a run's events into its record and writes it, and the room's state, in transactions rolled back: nothing is
    /// stored, but the first real run of a fresh server no longer pays for compiling the write path (the warm start calls it).
    /// </summary>
    public async Task RehearseAsync(IReadOnlyList<RoomEvent> runEvents, CancellationToken cancellationToken)
    {
        if (runEvents.OfType<RunStarted>().FirstOrDefault() is not { Context: { } context } started) return;
        var pending = new PendingRun(started, context);
        foreach (var completed in runEvents.OfType<AlgorithmCompleted>()) pending.Add(completed);
        if (pending.ToRecord(new RunCompleted(started.RoomCode, started.RunId, 0)) is { } run) await runs.RehearseAsync(run, cancellationToken);
        await roomStore.RehearseAsync(context.State, cancellationToken);
    }

    /// <summary>Runs are collected per room: two rooms opening the same data set run the same baseline id at once.</summary>
    private static string Key(string roomCode, string runId) => roomCode + "/" + runId;

    private async Task StoreAsync(PendingRun pending, RunCompleted done)
    {
        var run = pending.ToRecord(done);
        if (run is null) return; // every result was superseded by a newer run: nothing finished here
        try
        {
            // An identical baseline is stored once, by the first room that ran it; later rooms link to it.
            if (!await runs.SaveAsync(run, _stopping.Token)) logger.LogInformation("Run {Run} of room {Room} is stored already", run.RunId, run.RoomCode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The class saw the results; say that they are not kept, in the room and in one log line.
            var warning = StorageException.IsFolderProblem(exception)
                ? StorageException.For(exception, "This run's results were not stored").Message
                : "This run's results were not stored: the database refused them (the details are in the server's log). Export what you need now.";
            logger.LogError("Could not store run {Run} of room {Room}: {Problem}", run.RunId, run.RoomCode, UserMessageOf(exception));
            logger.LogDebug(exception, "Storing run {Run} failed", run.RunId);
            await notifier.PublishAsync(new RunNotStored(run.RoomCode, run.RunId, warning));
        }
    }

    private static string UserMessageOf(Exception exception) => Components.Shared.UserMessage.From(exception.GetBaseException());

    private async Task WriteRoomsAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await _roomsChanged.WaitAsync(_stopping.Token);
                await FlushRoomsAsync(_stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task FlushRoomsAsync(CancellationToken cancellationToken)
    {
        foreach (var code in _dirtyRooms.Keys)
        {
            if (!_dirtyRooms.TryRemove(code, out var state)) continue;
            try
            {
                await roomStore.SaveAsync(state, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError("Could not store room {Room}: {Problem}", code, UserMessageOf(exception));
                logger.LogDebug(exception, "Storing room {Room} failed", code);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down in a hurry (a test server disposed mid-run) may dispose this service before
        // stopping it; then there is nothing left to stop or flush.
        if (_disposed) return;
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        await _roomWriter;
        await FlushRoomsAsync(cancellationToken); // what changed last is kept on a clean shutdown
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _subscription?.Dispose();
        if (!_stopping.IsCancellationRequested) await _stopping.CancelAsync();
        _stopping.Dispose();
        _roomsChanged.Dispose();
    }

    /// <summary>One run being collected: the room as it was when the run started, and the results so far.</summary>
    private sealed class PendingRun(RunStarted started, RunContext at)
    {
        private readonly Lock _gate = new();
        private readonly List<AlgorithmResult> _results = [];
        private TrainingSummary? _training;

        public void Add(AlgorithmCompleted completed)
        {
            lock (_gate)
            {
                if (_results.Any(r => r.AlgorithmId == completed.Result.AlgorithmId)) return;
                _results.Add(completed.Result);
                _training ??= completed.Training;
            }
        }

        public RecordedRun? ToRecord(RunCompleted done)
        {
            lock (_gate)
            {
                if (_results.Count == 0) return null;
                var state = at.State;
                // Leaky runs learn from and are scored on the parts of a split made after resampling: those are the real counts.
                var dataset = _training is { Leaky: true, TestRows: > 0 } leaky
                    ? at.Dataset with { TrainRows = leaky.RowsAfter, TestRows = leaky.TestRows }
                    : at.Dataset;
                var threshold = _results.FirstOrDefault(r => r.Metrics is not null)?.Metrics!.Threshold ?? AlgorithmSeat.DefaultThreshold;
                return new RecordedRun(started.RunId, done.PublishedAt, started.RoomCode, at.StartedBy, started.Reason,
                    dataset, state.Dataset, state.Sliders, state.Algorithms, threshold, _training?.Leaky ?? state.Leaky,
                    at.MovedSliderId, _training, done.Seconds, [.. _results]) { Costs = state.Costs };
            }
        }
    }
}
