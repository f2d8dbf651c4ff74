namespace Dashboard.Storage;

/// <summary>Which stored results to list; a null member does not filter.</summary>
/// <param name="Limit">At most this many rows, newest first.</param>
public sealed record RunFilter(string? DatasetName = null, string? RoomCode = null, string? AlgorithmId = null, int Limit = 5000);
