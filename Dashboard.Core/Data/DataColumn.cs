namespace Dashboard.Core.Data;

/// <summary>One typed column of a <see cref="Dataset"/>. Values are stored columnar, never as per-cell strings.</summary>
public abstract class DataColumn
{
    protected DataColumn(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public abstract ColumnKind Kind { get; }

    public abstract int Length { get; }

    public abstract int MissingCount { get; }

    /// <summary>Number of distinct non-missing values.</summary>
    public abstract int DistinctCount { get; }

    /// <summary>
    /// True for text columns where nearly every value is different (a name, an id): such a column
    /// identifies rows instead of describing them, so it is left out of the features by default.
    /// </summary>
    public bool LooksLikeIdentifier =>
        Kind == ColumnKind.Categorical && Length - MissingCount >= 20 && DistinctCount >= 0.9 * (Length - MissingCount);

    public abstract bool IsMissing(int row);

    /// <summary>The value of one row as display text ("" when missing).</summary>
    public abstract string FormatValue(int row);

    /// <summary>A new column holding the given rows, in the given order (rows may repeat).</summary>
    public abstract DataColumn SelectRows(ReadOnlySpan<int> rows);
}
