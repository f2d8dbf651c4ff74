using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>A data set made ready for runs: loaded, labeled, split and featurized once, with its profile and column ranking.</summary>
public sealed record DatasetWorkspace(
    string Title,
    string? Credit,
    FeaturizedSplit Split,
    DatasetProfile Profile,
    IReadOnlyList<ColumnImportance> Importance,
    string ImportanceModel);
