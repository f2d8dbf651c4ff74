using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>A numeric column; a missing value is stored as <see cref="double.NaN"/>.</summary>
public sealed class NumericColumn : DataColumn
{
    private readonly double[] _values;
    private readonly Lazy<int> _distinct;

    public NumericColumn(string name, double[] values)
        : base(name)
    {
        _values = values;
        MissingCount = values.Count(double.IsNaN);
        _distinct = new Lazy<int>(() => _values.Where(v => !double.IsNaN(v)).Distinct().Count());
    }

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override int Length => _values.Length;

    public override int MissingCount { get; }

    public override int DistinctCount => _distinct.Value;

    /// <summary>The values; NaN marks a missing value.</summary>
    public ReadOnlySpan<double> Values => _values;

    public double this[int row] => _values[row];

    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    public override string FormatValue(int row) =>
        IsMissing(row) ? "" : _values[row].ToString("R", CultureInfo.InvariantCulture);

    public override DataColumn SelectRows(ReadOnlySpan<int> rows)
    {
        var selected = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) selected[i] = _values[rows[i]];
        return new NumericColumn(Name, selected);
    }
}
