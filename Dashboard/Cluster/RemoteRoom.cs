using Dashboard.Core.Rooms;
using Dashboard.Rooms;

namespace Dashboard.Cluster;

/// <summary>
/// A room hosted by another server, as this server's pages and hub use it: commands go to the room's grain;
/// the view is the one the room sent with its latest event, with this server's own copy of the featurized
/// data set attached (loaded once per server from the same data set choice, so charts and threshold searches
/// work here). The resampled rows are not sent: this server resamples the same position itself (deterministic,
/// through its own <see cref="Core.Rooms.ResultCache"/>) for the sliders' "after" charts.
/// </summary>
public sealed class RemoteRoom : IRoom, IDisposable
{
    private readonly IRoomGrain _grain;
    private readonly WorkspaceCache _workspaces;
    private readonly CancellationTokenSource _closing = new();
    private RoomView _view;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Func<IRoom?> _hostedHere;
    private readonly RoomServices _services;
    private readonly Lock _gate = new();
    private string? _resampledFor; // the prepared run whose rows this server has resampled (or is resampling) itself
    private Core.Resampling.ResampledTrainingSet? _resampled;

    /// <param name="hostedHere">The room's runner when it has moved to this server (its server died): then it is read directly.</param>
    public RemoteRoom(string code, IRoomGrain grain, RoomView view, WorkspaceCache workspaces, RoomServices services, Func<IRoom?> hostedHere)
    {
        (Code, _grain, _view, _workspaces, _hostedHere, _services) = (code, grain, view, workspaces, hostedHere, services);
        Sweeps = new RoomSweeps(this, _closing.Token);
        Thresholds = new ThresholdSearches(code, services.Slots, services.Limits.ThresholdSearchesPerRoom);
    }

    public string Code { get; }

    public RoomView View => _hostedHere()?.View ?? Volatile.Read(ref _view);

    public Task NextChange => _hostedHere()?.NextChange ?? Volatile.Read(ref _changed).Task;

    public RoomSweeps Sweeps { get; }

    public ThresholdSearches Thresholds { get; }

    public Task<Core.Explanations.RowExplanation> ExplainAsync(string algorithmId, int testRow, CancellationToken cancellationToken) =>
        _grain.Explain(algorithmId, testRow).WaitAsync(cancellationToken);

    public Task<string?> ExecuteAsync(RoomCommand command) => RoomDirectory.WhileMovingAsync(() => _grain.Execute(command));

    /// <summary>Takes the view the room sent; views only move forward (an older one arriving late is ignored).</summary>
    public async Task UpdateAsync(RoomView view)
    {
        var workspace = await WorkspaceFor(view);
        lock (_gate)
        {
            if (view.State.Version < _view.State.Version) return;
            var resampled = view.PreparedRunId is { } run && run == _resampledFor ? _resampled : null;
            Volatile.Write(ref _view, view with { Workspace = workspace, Resampled = resampled });
        }
        Changed();
        FollowResampling();
    }

    private void Changed() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Resamples the room's latest prepared position here (in the background) and attaches the rows when ready.</summary>
    private void FollowResampling()
    {
        RoomView view;
        string runId;
        lock (_gate)
        {
            view = _view;
            if (view.PreparedRunId is not { } prepared || prepared == _resampledFor || view.Workspace is not { } workspace) return;
            (_resampledFor, _resampled, runId) = (prepared, null, prepared);
        }
        // The run's own settings while it is in flight; once it ended, the room's (they are what it trained on since).
        var plan = view.Runs.GetValueOrDefault(runId);
        var changes = plan is null ? view.State.Changes() : PreparedRows.ChangesOf(plan);
        var leaky = plan is null ? view.State.Leaky : PreparedRows.LeakyOf(plan);
        _ = Task.Run(async () =>
        {
            try
            {
                var rows = await PreparedRows.GetAsync(_services.Cache, _services.Slots, Code, view.Workspace!, view.State.Dataset, changes, leaky, _closing.Token);
                lock (_gate)
                {
                    if (_resampledFor != runId) return;
                    _resampled = rows.Resampled;
                    if (_view.PreparedRunId == runId) Volatile.Write(ref _view, _view with { Resampled = rows.Resampled });
                }
                Changed();
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
            }
        });
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
