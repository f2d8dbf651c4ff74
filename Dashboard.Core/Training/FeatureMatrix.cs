using System.Runtime.Intrinsics.X86;

namespace Dashboard.Core.Training;

/// <summary>A dense, row-major float matrix of featurized rows: what every trainer reads.</summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(int rows, int columns, float[]? values = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        values ??= new float[rows * columns];
        if (values.Length != rows * columns) throw new ArgumentException("The values do not fill rows x columns.", nameof(values));
        Rows = rows;
        Columns = columns;
        Values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>All values, row after row.</summary>
    public float[] Values { get; }

    public Span<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>
    /// Asks the CPU to start bringing a row's cache lines in, for a loop that visits rows in a random order (the
    /// hardware prefetcher only follows sequential ones) and will read this row soon. A hint only: nothing is read.
    /// </summary>
    public unsafe void Prefetch(int row)
    {
        if (!Sse.IsSupported || Columns == 0) return;
        var bytes = Columns * sizeof(float);
        fixed (float* start = &Values[row * Columns])
        {
            var first = (byte*)start;
            for (var offset = 0; offset < bytes; offset += 64) Sse.Prefetch0(first + offset);
            Sse.Prefetch0(first + bytes - 1);
        }
    }

    /// <summary>A new matrix with the given rows, in order (rows may repeat).</summary>
    public FeatureMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var result = new FeatureMatrix(rows.Count, Columns);
        for (var i = 0; i < rows.Count; i++) Row(rows[i]).CopyTo(result.Row(i));
        return result;
    }

    /// <summary>This matrix's rows followed by another's (same width).</summary>
    public FeatureMatrix Append(FeatureMatrix other)
    {
        if (other.Columns != Columns) throw new ArgumentException("Both matrices must have the same columns.", nameof(other));
        var values = new float[Values.Length + other.Values.Length];
        Values.CopyTo(values, 0);
        other.Values.CopyTo(values, Values.Length);
        return new FeatureMatrix(Rows + other.Rows, Columns, values);
    }
}
