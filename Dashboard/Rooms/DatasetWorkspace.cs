using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>A data set made ready for runs: loaded, labeled, split and featurized once, with its profile and column rankings.</summary>
/// <param name="Importance">Permutation importance on the test rows: the ranking the default sliders come from.</param>
/// <param name="ImportanceModel">The algorithm both rankings come from.</param>
/// <param name="TreeGains">The same model's split gains per column (training rows): the quick preview; empty if it has none.</param>
public sealed record DatasetWorkspace(
    string Title,
    string? Credit,
    FeaturizedSplit Split,
    DatasetProfile Profile,
    IReadOnlyList<ColumnImportance> Importance,
    string ImportanceModel,
    IReadOnlyList<ColumnGain> TreeGains)
{
    /// <summary>
    /// Neighbour lists for this data set and split, shared by every slider move of the rooms on it, so a move
    /// searches only rows no earlier move has searched. A room that picks another data set or split gets another
    /// workspace, and this one goes with the workspace when <see cref="WorkspaceCache"/> drops it.
    /// </summary>
    public NeighbourCache Neighbours { get; } = new();
}
