using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;

namespace Dashboard.Hubs;

/// <summary>
/// A room as a SignalR client first sees it on joining: what the page renders from, at once (settings,
/// members, results and baseline at each card's threshold, status, history, activity, the data set's
/// name, profile and column rankings).
/// </summary>
public sealed record RoomView(
    RoomState State,
    IReadOnlyList<AlgorithmResult> Latest,
    IReadOnlyList<HistoryPoint> History,
    TrainingSummary? Training,
    IReadOnlyList<string> Columns,
    IReadOnlyList<AlgorithmResult> Baseline,
    IReadOnlyDictionary<string, AlgorithmStatusView> Status,
    IReadOnlyList<ActivityEntry> Activity,
    string? DatasetTitle,
    DatasetProfile? Profile,
    IReadOnlyList<ColumnImportance> Importance,
    IReadOnlyList<ColumnGain> TreeGains,
    string? Error)
{
    public static RoomView Of(RoomSnapshot snapshot) => new(
        snapshot.State,
        [.. snapshot.Latest.Values],
        snapshot.History,
        snapshot.Training,
        snapshot.Workspace?.Split.Data.Data.Columns.Select(c => c.Name).ToArray() ?? [],
        [.. snapshot.Baseline.Values],
        snapshot.Status,
        snapshot.Activity,
        snapshot.Workspace?.Title,
        snapshot.Workspace?.Profile,
        snapshot.Workspace?.Importance ?? [],
        snapshot.Workspace?.TreeGains ?? [],
        snapshot.Error);
}
