using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// Everything a member sees at once: a late joiner renders the room from this alone. Immutable;
/// the runner hands out a new one after every change. <see cref="Resampled"/> holds the latest
/// run's training rows (for the slider charts); it stays in process.
/// </summary>
public sealed record RoomSnapshot(
    RoomState State,
    DatasetWorkspace? Workspace,
    IReadOnlyDictionary<string, AlgorithmResult> Latest,
    IReadOnlyDictionary<string, AlgorithmResult> Baseline,
    IReadOnlyDictionary<string, AlgorithmStatusView> Status,
    IReadOnlyList<HistoryPoint> History,
    TrainingSummary? Training,
    ResampledTrainingSet? Resampled,
    IReadOnlyList<ActivityEntry> Activity,
    string? Error,
    string? LastMovedSliderId);
