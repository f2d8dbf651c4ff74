using Dashboard.Core.Rooms;
using Dashboard.Rooms;

namespace Dashboard.Cluster;

/// <summary>
/// A room hosted by another server, as this server's pages and hub use it: commands go to the room's grain;
/// the view is the one the room sent with its latest event, with this server's own copy of the featurized
/// data set attached (loaded once per server from the same data set choice, so charts and threshold searches
/// work here). The resampled rows stay on the hosting server: the "after" charts of a slider show there only.
/// </summary>
public sealed class RemoteRoom : IRoom, IDisposable
{
    private readonly IRoomGrain _grain;
    private readonly WorkspaceCache _workspaces;
    private readonly CancellationTokenSource _closing = new();
    private RoomView _view;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Func<IRoom?> _hostedHere;

    /// <param name="hostedHere">The room's runner when it has moved to this server (its server died): then it is read directly.</param>
    public RemoteRoom(string code, IRoomGrain grain, RoomView view, WorkspaceCache workspaces, RoomServices services, Func<IRoom?> hostedHere)
    {
        (Code, _grain, _view, _workspaces, _hostedHere) = (code, grain, view, workspaces, hostedHere);
        Sweeps = new RoomSweeps(this, _closing.Token);
        Thresholds = new ThresholdSearches(code, services.Slots, services.Limits.ThresholdSearchesPerRoom);
    }

    public string Code { get; }

    public RoomView View => _hostedHere()?.View ?? Volatile.Read(ref _view);

    public Task NextChange => _hostedHere()?.NextChange ?? Volatile.Read(ref _changed).Task;

    public RoomSweeps Sweeps { get; }

    public ThresholdSearches Thresholds { get; }

    public Task<string?> ExecuteAsync(RoomCommand command) => _grain.Execute(command);

    /// <summary>Takes the view the room sent; views only move forward (an older one arriving late is ignored).</summary>
    public async Task UpdateAsync(RoomView view)
    {
        var workspace = await WorkspaceFor(view);
        if (view.State.Version < Volatile.Read(ref _view).State.Version) return;
        Volatile.Write(ref _view, view with { Workspace = workspace });
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task<Core.Rooms.DatasetWorkspace?> WorkspaceFor(RoomView view)
    {
        var current = Volatile.Read(ref _view);
        if (current.Workspace is { } known && current.State.Dataset == view.State.Dataset) return known;
        try
        {
            return await _workspaces.GetAsync(view.State.Dataset, _closing.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null; // the hosting server reports the data set's problem in the view itself
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
        Thresholds.Dispose();
    }
}
