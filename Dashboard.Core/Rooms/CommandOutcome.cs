namespace Dashboard.Core.Rooms;

/// <summary>The room state after a command, what to retrain, and a line for the activity feed.</summary>
public sealed record CommandOutcome(RoomState State, RunScope Scope, string Description, string? AlgorithmId = null);
