namespace Dashboard.Core.Data;

/// <summary>
/// Counts of a column's values in bins (numeric, fixed-width) or per category, for the plots;
/// optionally split by class (index 0 = negative, 1 = positive).
/// </summary>
/// <param name="BinEdges">Numeric only: Labels.Count + 1 ascending edges; the last bin includes its upper edge.</param>
public sealed record Distribution(
    string Column,
    ColumnKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<int> Counts,
    IReadOnlyList<IReadOnlyList<int>>? CountsByClass,
    int MissingCount);
