using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// The training rows of one slider position, resampled once per server: from the <see cref="ResultCache"/> when
/// known, else resampled in a fair training slot on a thread of its own (resampling is CPU work too).
/// </summary>
public static class PreparedRows
{
    public static async Task<PreparedRun> GetAsync(ResultCache cache, TrainingSlots slots, string roomCode, DatasetWorkspace workspace,
        DatasetChoice dataset, IReadOnlyList<DistributionChange> changes, bool leaky, CancellationToken cancellationToken)
    {
        var key = ResultCache.PreparationKey(dataset, changes, leaky);
        if (cache.GetPrepared(key) is { } known) return known;
        PreparedRun prepared;
        using (await slots.AcquireAsync(roomCode, cancellationToken))
        {
            prepared = await MullerLoop.RunDedicatedAsync(() => RunPreparation.Prepare(workspace.Split, changes, dataset.SplitSeed, leaky,
                workspace.Neighbours, cancellationToken), cancellationToken);
        }
        cache.SetPrepared(key, prepared);
        return prepared;
    }

    /// <summary>What a run resamples: a baseline the data as it is, whatever the sliders say (a reopened room's sliders run next).</summary>
    public static IReadOnlyList<DistributionChange> ChangesOf(RunPlan plan) => plan.IsBaseline ? [] : plan.State.Changes();

    public static bool LeakyOf(RunPlan plan) => plan.State.Leaky && !plan.IsBaseline;
}
