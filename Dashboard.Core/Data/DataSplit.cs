namespace Dashboard.Core.Data;

/// <summary>
/// A fixed train/test split of a labeled data set. Made once per data set and seed, then reused by
/// every run, so results at different slider positions are scored on the same test rows.
/// Row indices are ascending within each part.
/// </summary>
public sealed record DataSplit(IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows, int Seed, double TestShare);
