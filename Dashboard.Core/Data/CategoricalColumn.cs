namespace Dashboard.Core.Data;

/// <summary>A text column stored as integer codes into a dictionary of categories; code -1 is missing.</summary>
public sealed class CategoricalColumn : DataColumn
{
    public const int MissingCode = -1;

    private readonly int[] _codes;
    private readonly string[] _categories;

    public CategoricalColumn(string name, int[] codes, string[] categories)
        : base(name)
    {
        _codes = codes;
        _categories = categories;
        var seen = new bool[categories.Length];
        var missing = 0;
        foreach (var code in codes)
        {
            if (code == MissingCode) missing++;
            else seen[code] = true;
        }
        MissingCount = missing;
        DistinctCount = seen.Count(s => s);
    }

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override int Length => _codes.Length;

    public override int MissingCount { get; }

    public override int DistinctCount { get; }

    /// <summary>Per-row category codes; -1 marks a missing value.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The category labels, indexed by code (in order of first appearance in the file).</summary>
    public IReadOnlyList<string> Categories => _categories;

    public int this[int row] => _codes[row];

    public override bool IsMissing(int row) => _codes[row] == MissingCode;

    public override string FormatValue(int row) => IsMissing(row) ? "" : _categories[_codes[row]];

    /// <summary>The code of a category label, or -1 when the column has no such category.</summary>
    public int CodeOf(string category) => Array.IndexOf(_categories, category);

    /// <summary>Rows per category code.</summary>
    public int[] CountByCode()
    {
        var counts = new int[_categories.Length];
        foreach (var code in _codes)
        {
            if (code != MissingCode) counts[code]++;
        }
        return counts;
    }

    public override DataColumn SelectRows(ReadOnlySpan<int> rows)
    {
        var selected = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) selected[i] = _codes[rows[i]];
        return new CategoricalColumn(Name, selected, _categories);
    }
}
