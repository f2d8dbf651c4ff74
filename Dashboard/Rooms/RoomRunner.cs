using System.Threading.Channels;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// The plumbing of one room: every change is <see cref="RoomReducer.Apply"/> on the room's view, one at a
/// time; this class only carries out the work the reducer asks for. Commands queue in a bounded channel
/// (a data set must load before the next command); run reports are applied as they arrive; events are
/// published in the order they were made. Runs it cancels are disposed with their token sources.
/// </summary>
public sealed class RoomRunner : IRoom, IAsyncDisposable
{
    private readonly Channel<(RoomCommand Command, TaskCompletionSource<string?> Done)> _commands;
    private readonly int _queueLimit;
    private readonly RoomNotifier _notifier;
    private readonly WorkspaceCache _workspaces;
    private readonly RoomRuns _runs;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _processing;
    private readonly Lock _gate = new();
    private RoomView _view;
    private Task _publishing = Task.CompletedTask;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="restored">A stored state to reopen the room with (sliders, settings, modes); null for a new room.</param>
    /// <param name="live">The restored state is of a room open a moment ago on a server that died: members and seats stay.</param>
    /// <param name="log">With <paramref name="live"/>: the room's history, run numbers and activity as its server left them.</param>
    public RoomRunner(string code, DatasetChoice initial, RoomServices services, ILogger logger, RoomState? restored = null, bool live = false, RoomLog? log = null)
    {
        var limits = services.Limits;
        // Bounded: a client flooding a room with commands is refused, not queued without end.
        _commands = Channel.CreateBounded<(RoomCommand, TaskCompletionSource<string?>)>(
            new BoundedChannelOptions(limits.QueuedCommandsPerRoom) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _queueLimit = limits.QueuedCommandsPerRoom;
        (Code, _notifier, _workspaces, _logger) = (code, services.Notifier, services.Workspaces, logger);
        _view = RoomView.Opening(code, initial, restored, DateTimeOffset.UtcNow, live, log);
        Explanations = new RowExplanations(code, services.Slots, new RoomModels(), limits.ExplanationsPerRoom);
        _runs = new RoomRuns(code, services.Loop, services.Slots, services.Cache, Explanations.Models, OnReport, logger, _stopping.Token);
        Speculation = new RoomSpeculation(code, services.Loop, services.Slots, services.Cache, services.Speculation.Idle, services.Speculation.Stats, logger,
            _stopping.Token);
        Sweeps = new RoomSweeps(this, _stopping.Token);
        Thresholds = new ThresholdSearches(code, services.Slots, limits.ThresholdSearchesPerRoom);
        _processing = Task.Run(ProcessAsync);
        _ = ExecuteAsync(new SelectDataset(RoomRules.SystemMember, initial));
    }

    public string Code { get; }

    /// <summary>The room as it is now; a new object after every change.</summary>
    public RoomView View => Volatile.Read(ref _view);

    public RoomSweeps Sweeps { get; }

    /// <summary>Trains likely next positions while the room is idle; a real run pre-empts it.</summary>
    public RoomSpeculation Speculation { get; }

    public ThresholdSearches Thresholds { get; }

    public Task<Core.Explanations.RowExplanation> ExplainAsync(string algorithmId, int testRow, CancellationToken cancellationToken) =>
        Explanations.ExplainAsync(View, algorithmId, testRow, cancellationToken);

    /// <summary>Explains single test rows of the cards' latest results, off the room's thread.</summary>
    public RowExplanations Explanations { get; }

    /// <summary>Completes at the room's next change (a command applied or a run's report).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

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

    // Ends when DisposeAsync completes the channel (or throws OperationCanceledException out of a load it cancelled).
    private async Task ProcessAsync()
    {
        await foreach (var (command, done) in _commands.Reader.ReadAllAsync())
        {
            try
            {
                var step = Dispatch(command);
                // Only a data set's load is waited for: the next command may depend on its columns.
                if (step.Effects.OfType<LoadDataset>().SingleOrDefault() is { } load)
                {
                    var workspace = await _workspaces.GetAsync(load.Dataset, _stopping.Token);
                    step = Dispatch(new DatasetReady(load.MemberId, workspace, load.Dataset) { Proxies = load.Proxies });
                }
                done.TrySetResult(step.Refusal is null ? null : UserMessage.From(step.Refusal));
            }
            catch (Exception exception) when (exception is ArgumentException or DatasetException or InvalidOperationException)
            {
                done.TrySetResult(UserMessage.From(exception));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // An unexpected failure: its details go to the log, never to a client.
                _logger.LogError(exception, "Room {Room}: command {Command} failed", Code, command.GetType().Name);
                done.TrySetResult(UserMessage.ServerFault);
            }
        }
    }

    // A report the reducer cannot apply is a bug of ours: say so in the log (a card would otherwise wait silently).
    private void OnReport(RunReport report)
    {
        if (Dispatch(report).Refusal is { } problem) _logger.LogError("Room {Room}: {Report} of run {Run} not applied: {Problem}", Code, report.GetType().Name, report.RunId, problem);
    }

    /// <summary>Applies one input and carries out the effects, under the lock so that views and events keep their order.</summary>
    private RoomStep Dispatch(RoomInput input)
    {
        lock (_gate)
        {
            var step = RoomReducer.Apply(_view, input, DateTimeOffset.UtcNow);
            Volatile.Write(ref _view, step.View);
            foreach (var effect in step.Effects)
            {
                if (effect is Publish publish) _publishing = PublishAfterAsync(_publishing, publish.Event);
                else if (effect is StartRun start) _runs.Start(start, preempting: Speculation);
                else if (effect is CancelRun cancel) _runs.Cancel(cancel.RunId);
            }
            if (!step.View.IsBusy) Speculation.Schedule(step.View);
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return step;
        }
    }

    // Events go out in the order they were made, each after the one before (storage's write included). Never on the
    // caller's thread: Dispatch holds the room's lock, and storage's first write of a run on a fresh server took 1.5 s
    // (SQLite and its code warming up) during which a new visitor's EnterRoom waited for the lock.
    private async Task PublishAfterAsync(Task previous, RoomEvent roomEvent)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        await _notifier.PublishAsync(roomEvent);
    }

    public async ValueTask DisposeAsync()
    {
        _commands.Writer.TryComplete();
        await _stopping.CancelAsync();
        _runs.CancelAll();
        await Task.WhenAny(_processing); // waits for the loop to end, whether it ended by a cancellation or not
        // The room's last events go out before it is gone (they are published off its lock, so they may still be on
        // their way): a closed room's final state reaches storage, and a room reopened by its code comes back with it.
        Task publishing;
        lock (_gate) publishing = _publishing;
        await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromSeconds(10)));
        _stopping.Dispose();
        Thresholds.Dispose();
        Explanations.Dispose();
    }
}
