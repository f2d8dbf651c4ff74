using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Hubs;

/// <summary>A room as a SignalR client first sees it on joining: the whole current state at once.</summary>
public sealed record RoomView(
    RoomState State,
    IReadOnlyList<AlgorithmResult> Latest,
    IReadOnlyList<HistoryPoint> History,
    TrainingSummary? Training,
    IReadOnlyList<string> Columns);
