namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// A dense, row-major matrix of features: row <c>r</c> occupies <c>Data[r * Columns .. (r + 1) * Columns)</c>.
/// The array is shared, not copied, so a featurizer can hand its buffer over without a second copy.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(int rows, int columns, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentNullException.ThrowIfNull(data);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException(
                $"A {rows} x {columns} feature matrix needs {(long)rows * columns} values; {data.Length} were given.", nameof(data));
        }
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The values, row after row.</summary>
    public float[] Data { get; }

    public ReadOnlySpan<float> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>A new matrix of the given rows, in the given order.</summary>
    public FeatureMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var data = new float[rows.Length * Columns];
        for (var i = 0; i < rows.Length; i++) Row(rows[i]).CopyTo(data.AsSpan(i * Columns));
        return new FeatureMatrix(rows.Length, Columns, data);
    }

    /// <summary>Builds a matrix from jagged rows (convenient for tests and small inputs); every row must have the same length.</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("At least one row is needed to know the column count.", nameof(rows));
        var columns = rows[0].Length;
        var data = new float[rows.Count * columns];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} values; row 0 has {columns}. Every row needs the same number.", nameof(rows));
            }
            rows[r].CopyTo(data, r * columns);
        }
        return new FeatureMatrix(rows.Count, columns, data);
    }
}
