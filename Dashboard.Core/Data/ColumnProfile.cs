namespace Dashboard.Core.Data;

/// <summary>What one column holds: kind, missing and distinct counts, range (numeric), and how it is used.</summary>
public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    int MissingCount,
    int DistinctCount,
    bool LooksLikeIdentifier,
    bool IsExcluded,
    bool IsTarget,
    double? Min,
    double? Max,
    double? Mean);
