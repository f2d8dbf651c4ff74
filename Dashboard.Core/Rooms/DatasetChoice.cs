using System.Text.Json.Serialization;

namespace Dashboard.Core.Rooms;

/// <summary>Which data set a room works on and how it is set up for modelling.</summary>
/// <param name="Source">A bundled data set's name, or the id of a stored upload.</param>
/// <param name="Target">The column to predict (null: the bundled set's own target).</param>
/// <param name="PositiveClass">Null: the minority class.</param>
/// <param name="ExcludedColumns">Null: the defaults (identifier-like columns and a bundled set's own list).</param>
/// <param name="KindOverrides">Columns the user reads as another kind than the inferred one (e.g. numeric codes as categories).</param>
public sealed record DatasetChoice(
    string Source,
    string? Target = null,
    string? PositiveClass = null,
    IReadOnlyList<string>? ExcludedColumns = null,
    int SplitSeed = 42,
    double TestShare = 0.25,
    IReadOnlyDictionary<string, Data.ColumnKind>? KindOverrides = null)
{
    /// <summary>
    /// The task the user chose (null: from the target, a numeric target with many values is predicted as a number;
    /// see <see cref="Data.TargetChoice"/>). Left out of the JSON when null, so a classification room's stored
    /// choice and its baseline's id (a hash of the choice) are what they were before regression existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Data.TargetTask? Task { get; init; }

    /// <summary>
    /// For a numeric target, the relevance a value must reach to count as rare (null: the default 0.5, see
    /// <see cref="Data.RelevanceFunction"/>); set by <see cref="SetRelevanceThreshold"/>. Left out of the JSON when null,
    /// so rooms, keys and baseline ids stay what they were at the default.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RelevanceThreshold { get; init; }

    /// <summary>What the labeler is told: the target, positive class, excluded columns, task and relevance threshold.</summary>
    public Data.TargetChoice TargetChoice(string target) => new(target, PositiveClass, ExcludedColumns, Task) { RelevanceThreshold = RelevanceThreshold };

    /// <summary>The data set with the user's kind overrides applied.</summary>
    public Data.Dataset ApplyOverrides(Data.Dataset dataset) =>
        (KindOverrides ?? new Dictionary<string, Data.ColumnKind>()).Aggregate(dataset, (d, o) => d.WithColumnKind(o.Key, o.Value));
}
