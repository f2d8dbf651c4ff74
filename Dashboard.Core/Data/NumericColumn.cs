using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        MissingCount = CountMissing(values);
        _distinct = new Lazy<int>(() => _values.Where(v => !double.IsNaN(v)).Distinct().Count());
    }

    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <summary>Vectorized (NaN is the one value unequal to itself): columns of synthetic rows are built on every slider move.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountMissing(double[] values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        var nan = Vector<long>.Zero;
        foreach (var v in vectors) nan -= Vector.OnesComplement(Vector.Equals(v, v)); // all bits set (-1) in a NaN lane
        var missing = (int)Vector.Sum(nan);
        for (var i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) missing++;
        }
        return missing;
    }

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
