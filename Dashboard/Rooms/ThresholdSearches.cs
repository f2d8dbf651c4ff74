using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// Chooses decision thresholds for a room's cards on validation rows held out of the training rows
/// (<see cref="ValidationThreshold"/>), a few at a time per room, each in a fair training slot like a run.
/// It changes nothing in the room: whoever asked sets the threshold it found.
/// </summary>
public sealed class ThresholdSearches(string code, TrainingSlots slots, int perRoom) : IDisposable
{
    private readonly SemaphoreSlim _searches = new(perRoom);

    /// <exception cref="InvalidOperationException">The data set is still loading, or the room searches too many already.</exception>
    public Task<ValidationThresholdResult> FindAsync(RoomView at, string algorithmId, MetricId metric, CancellationToken cancellationToken) =>
        SearchAsync(at, algorithmId, (workspace, settings) => ValidationThreshold.Find(workspace.Split, at.State.Changes(), settings, metric,
            at.State.Dataset.SplitSeed, cancellationToken), cancellationToken);

    /// <summary>The threshold with the lowest expected cost per row for the room's costs (as they are in <paramref name="at"/>), on validation rows.</summary>
    /// <exception cref="InvalidOperationException">The data set is still loading, or the room searches too many already.</exception>
    public Task<ValidationCostThresholdResult> FindLowestCostAsync(RoomView at, string algorithmId, CancellationToken cancellationToken) =>
        SearchAsync(at, algorithmId, (workspace, settings) => ValidationThreshold.FindLowestCost(workspace.Split, at.State.Changes(), settings,
            at.State.Costs, at.State.Dataset.SplitSeed, cancellationToken), cancellationToken);

    private async Task<T> SearchAsync<T>(RoomView at, string algorithmId, Func<DatasetWorkspace, AlgorithmSettings, T> search, CancellationToken cancellationToken)
    {
        var workspace = at.Workspace ?? throw new InvalidOperationException("The data set is still loading; try again once the first results are in.");
        if (workspace.Task == Core.Data.TargetTask.Regression)
        {
            throw new InvalidOperationException(
                $"'{workspace.Split.Data.TargetColumn}' is predicted as a number (regression): there is no decision threshold to choose.");
        }
        var settings = at.State.Seat(algorithmId).ToSettings();
        if (!_searches.Wait(0))
        {
            throw new InvalidOperationException("This room is already choosing thresholds for other cards. Wait for one of them to finish, then try again.");
        }
        try
        {
            using (await slots.AcquireAsync(code, cancellationToken))
            {
                return await MullerLoop.RunDedicatedAsync(() => search(workspace, settings), cancellationToken);
            }
        }
        finally
        {
            _searches.Release();
        }
    }

    public void Dispose() => _searches.Dispose();
}
