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
    bool Leaky);
