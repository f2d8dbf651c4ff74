using System.Text.Json;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Storage;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Dashboard.Cluster;

/// <summary>
/// The room's home in the cluster. It hosts the room's <see cref="RoomRunner"/> (the reducer and its plumbing,
/// unchanged) in this server's <see cref="RoomRegistry"/>, saves the room's settings to grain storage after each
/// change, and relays its events to the other servers that listen. A new room is placed on the server that
/// created it; it stays there until the janitor closes it or the server dies (then the next call to its code
/// reopens it elsewhere from the saved state, and its sliders' positions train again).
/// </summary>
[PreferLocalPlacement]
[Reentrant] // the runner orders commands itself; a long data set load must not hold up views and subscriptions
[KeepAlive] // a room closes when the janitor says so, never because no grain call came for a while
public sealed class RoomGrain(
    RoomRegistry registry,
    RoomNotifier notifier,
    [PersistentState("room", ClusterHosting.RoomStorage)] IPersistentState<RoomGrainState> saved,
    ILogger<RoomGrain> logger,
    IRoomStore? store = null) : Grain, IRoomGrain
{
    private RoomRunner? _runner;
    private RoomFanout? _fanout;
    private IDisposable? _events;
    private bool _saving;
    private bool _closed;

    private string Code => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A room whose server died comes back here with its settings, members and seats.
        if (saved.State.StateJson is { } json)
        {
            var log = saved.State.LogJson is { } logJson ? JsonSerializer.Deserialize<RoomLog>(logJson, ClusterHosting.JsonOptions) : null;
            Host(StoredRoomState.Read(json) with { Code = Code }, null, live: true, log);
        }
        this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(SaveEvery, SaveEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task<bool> Open(DatasetChoice? dataset, RoomState? restored, bool createOnly)
    {
        if (_runner is not null) return !createOnly;
        if (dataset is null)
        {
            var stored = store is null ? null : await store.LoadAsync(Code, CancellationToken.None);
            if (stored is null)
            {
                DeactivateOnIdle();
                return false;
            }
            Host(stored, null);
            return true;
        }
        Host(restored, dataset);
        return true;
    }

    public async Task<string?> Execute(RoomCommand command)
    {
        if (_runner is not { } runner) return "This room is closed. Open it again by its code.";
        var answer = await runner.ExecuteAsync(command);
        // A change answered through the cluster is saved before the answer: it survives this server dying the next moment.
        await SaveAsync(CancellationToken.None);
        return answer;
    }

    public Task<RoomView?> View() => Task.FromResult(_runner?.View);

    public Task<Core.Explanations.RowExplanation> Explain(string algorithmId, int testRow) =>
        _runner is { } runner ? runner.ExplainAsync(algorithmId, testRow, CancellationToken.None)
            : throw new InvalidOperationException("This room is closed. Open it again by its code.");

    public Task Subscribe(IRoomObserver observer)
    {
        _fanout?.Add(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IRoomObserver observer)
    {
        _fanout?.Remove(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A room the janitor closes forgets its cluster state: opened again by its code, it comes back from the run
    /// storage like after a restart (settings, no members), not as a room that moved.
    /// </summary>
    public async Task Close()
    {
        _closed = true;
        await saved.ClearStateAsync();
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await SaveAsync(cancellationToken);
        _events?.Dispose();
        _fanout?.Dispose();
        await registry.ReleaseAsync(Code);
        _runner = null;
    }

    private void Host(RoomState? restored, DatasetChoice? dataset, bool live = false, RoomLog? log = null)
    {
        _runner = registry.Host(Code, dataset ?? restored!.Dataset, restored, live, log);
        _fanout = new RoomFanout(Code, logger);
        // Every event of the room goes, with the view it led to, to the other servers listening (in order, each at its pace).
        var runner = _runner;
        _events = notifier.Subscribe(Code, roomEvent =>
        {
            _fanout.Send(roomEvent, runner.View);
            return Task.CompletedTask;
        }, RoomNotifier.RelayOrder, originOnly: true);
    }

    private static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>What the grain saves of a room: its settings and its log, as JSON.</summary>
    public static (string State, string Log) SavedForm(RoomView view) =>
        (StorageJson.Write(view.State), JsonSerializer.Serialize(RoomLog.Of(view), ClusterHosting.JsonOptions));

    // The settings are saved within half a second of a change; a server dying in between loses at most that change.
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_runner is null || _saving || _closed) return;
        var view = _runner.View;
        var state = view.State;
        if (saved.RecordExists && state.Version == saved.State.Version && view.History.Count == saved.State.HistoryPoints) return;
        _saving = true;
        try
        {
            (saved.State.StateJson, saved.State.LogJson) = SavedForm(view);
            saved.State.Version = state.Version;
            saved.State.HistoryPoints = view.History.Count;
            await saved.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Room {Room}: its state could not be saved to the cluster's storage; trying again", Code);
        }
        finally
        {
            _saving = false;
        }
    }
}
