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
    public async Task<ValidationThresholdResult> FindAsync(RoomView at, string algorithmId, MetricId metric, CancellationToken cancellationToken)
    {
        var workspace = at.Workspace ?? throw new InvalidOperationException("The data set is still loading; try again once the first results are in.");
        var settings = at.State.Seat(algorithmId).ToSettings();
        if (!_searches.Wait(0))
        {
            throw new InvalidOperationException("This room is already choosing thresholds for other cards. Wait for one of them to finish, then try again.");
        }
        try
        {
            using (await slots.AcquireAsync(code, cancellationToken))
            {
                return await MullerLoop.RunDedicatedAsync(() => ValidationThreshold.Find(workspace.Split, at.State.Changes(), settings, metric,
                    at.State.Dataset.SplitSeed, cancellationToken), cancellationToken);
            }
        }
        finally
        {
            _searches.Release();
        }
    }

    public void Dispose() => _searches.Dispose();
}
