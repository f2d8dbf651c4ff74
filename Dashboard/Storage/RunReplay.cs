using Dashboard.Core.Rooms;

namespace Dashboard.Storage;

/// <summary>
/// "Load these settings": everything a room needs to be put back in the state a stored run was made
/// in — the data set choice (source, target, split), every slider as it stood, each algorithm's
/// hyperparameters and class weight, the threshold and the mode. Plain records, so the room's
/// runner can apply them as commands.
/// </summary>
public sealed record RunReplay(
    string RunId,
    DatasetChoice Dataset,
    IReadOnlyList<SliderState> Sliders,
    IReadOnlyList<AlgorithmSeat> Algorithms,
    double Threshold,
    bool Leaky)
{
    /// <summary>The room's costs when the run started (1 and 1 for runs stored before costs).</summary>
    public Core.Metrics.CostMatrix Costs { get; init; } = Core.Metrics.CostMatrix.Equal;

    /// <summary>
    /// The seats as the run had them. Runs stored before thresholds were per algorithm kept one
    /// threshold for the room: their seats (all at the default) take it.
    /// </summary>
    public IReadOnlyList<AlgorithmSeat> Seats() =>
        Algorithms.All(a => a.Threshold == AlgorithmSeat.DefaultThreshold)
            ? Algorithms.Select(a => a with { Threshold = Threshold }).ToArray()
            : Algorithms;
}
