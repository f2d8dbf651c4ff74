using Dashboard.Core.Data;
using Dashboard.Core.Importance;
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
    IReadOnlyList<ColumnGain> TreeGains);
