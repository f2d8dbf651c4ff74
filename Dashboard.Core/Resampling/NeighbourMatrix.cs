using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Resampling;

/// <summary>
/// Rows in standard units as floats, stored feature by feature (column-major, each feature padded to
/// a multiple of two vector widths) so the distance kernel reads one feature of several rows per
/// vector load. A missing numeric value is stored as 0 with 0 in <see cref="Present"/>;
/// <see cref="Present"/> is null when nothing is missing, which selects the fast kernel.
/// </summary>
internal sealed class NeighbourMatrix
{
    /// <summary>The search kernel reads two vectors of rows per step, so each feature is padded to a multiple of that.</summary>
    private static readonly int Block = 2 * Vector<float>.Count;

    private NeighbourMatrix(int rows, int numericCount, int categoricalCount, float mismatchPenalty)
    {
        Rows = rows;
        Stride = Math.Max(Block, (rows + Block - 1) / Block * Block);
        NumericCount = numericCount;
        CategoricalCount = categoricalCount;
        Values = new float[numericCount * Stride];
        Codes = new int[categoricalCount * Stride];
        MismatchPenalty = mismatchPenalty;
    }

    public int Rows { get; }

    /// <summary>Distance between the starts of two features' values (rows rounded up to two vector widths).</summary>
    public int Stride { get; }

    public int NumericCount { get; }

    public int CategoricalCount { get; }

    public float[] Values { get; }

    public float[]? Present { get; private set; }

    /// <summary>Category codes (-1 missing, which counts as a value of its own).</summary>
    public int[] Codes { get; }

    /// <summary>What one differing categorical feature adds to a squared distance (SMOTE-NC: the median numeric standard deviation, squared).</summary>
    public float MismatchPenalty { get; private set; }

    /// <summary>Memory held by the values, codes and presence flags.</summary>
    public long Bytes => sizeof(float) * ((long)Values.Length + Codes.Length + (Present?.Length ?? 0));

    public float Value(int feature, int row) => Values[feature * Stride + row];

    public bool IsPresent(int feature, int row) => Present is null || Present[feature * Stride + row] != 0;

    public int Code(int feature, int row) => Codes[feature * Stride + row];

    /// <summary>The rows at the given working-set positions; the mismatch penalty is computed over these rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NeighbourMatrix Build(WorkingSet work, IReadOnlyList<int> positions)
    {
        var space = work.Space;
        var matrix = new NeighbourMatrix(positions.Count, space.Numeric.Length, space.Categorical.Length, 0);
        var entries = new int[positions.Count];
        for (var r = 0; r < entries.Length; r++) entries[r] = work.EntryAt(positions[r]);
        // Column by column from the arrays themselves: this runs on every slider move, so no per-cell lookups through the working set.
        for (var f = 0; f < matrix.NumericCount; f++)
        {
            var real = space.Numeric[f].Values;
            var synthetic = work.Synthetic.NumericValues(f);
            for (var r = 0; r < entries.Length; r++)
            {
                var entry = entries[r];
                matrix.SetNumeric(f, r, space.Standardize(f, entry >= 0 ? real[entry] : synthetic[~entry]));
            }
        }
        for (var c = 0; c < matrix.CategoricalCount; c++)
        {
            var real = space.Categorical[c].Codes;
            var synthetic = work.Synthetic.Codes(c);
            var codes = matrix.Codes.AsSpan(c * matrix.Stride, entries.Length);
            for (var r = 0; r < codes.Length; r++) codes[r] = entries[r] >= 0 ? real[entries[r]] : synthetic[~entries[r]];
        }
        matrix.MismatchPenalty = matrix.MedianDeviation() is var median ? median * median : 0;
        return matrix;
    }

    /// <summary>A matrix from plain rows (NaN = missing), for tests of the distance kernel.</summary>
    internal static NeighbourMatrix FromRows(float[][] numeric, int[][] codes, float mismatchPenalty)
    {
        var rows = numeric.Length;
        var matrix = new NeighbourMatrix(rows, rows == 0 ? 0 : numeric[0].Length, rows == 0 ? 0 : codes[0].Length, mismatchPenalty);
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < matrix.NumericCount; f++) matrix.SetNumeric(f, r, numeric[r][f]);
            for (var c = 0; c < matrix.CategoricalCount; c++) matrix.Codes[c * matrix.Stride + r] = codes[r][c];
        }
        return matrix;
    }

    private void SetNumeric(int feature, int row, float value)
    {
        var index = feature * Stride + row;
        if (!float.IsNaN(value))
        {
            Values[index] = value;
            if (Present is not null) Present[index] = 1;
            return;
        }
        if (Present is null)
        {
            // First missing value: from now on every cell says whether it is present (padding stays 0).
            Present = new float[Values.Length];
            for (var f = 0; f < NumericCount; f++) Present.AsSpan(f * Stride, Rows).Fill(1);
        }
        Values[index] = 0;
        Present[index] = 0;
    }

    /// <summary>The median over numeric features of their standard deviation in these rows (SMOTE-NC's "Med").</summary>
    private float MedianDeviation()
    {
        if (NumericCount == 0) return 1; // no numeric scale to borrow: a differing category counts 1
        var deviations = new double[NumericCount];
        for (var f = 0; f < NumericCount; f++)
        {
            double sum = 0, squares = 0;
            var count = 0;
            for (var r = 0; r < Rows; r++)
            {
                if (!IsPresent(f, r)) continue;
                double v = Value(f, r);
                sum += v;
                squares += v * v;
                count++;
            }
            var mean = count == 0 ? 0 : sum / count;
            deviations[f] = count == 0 ? 0 : Math.Sqrt(Math.Max(0, squares / count - mean * mean));
        }
        Array.Sort(deviations);
        var mid = deviations.Length / 2;
        return (float)(deviations.Length % 2 == 1 ? deviations[mid] : (deviations[mid - 1] + deviations[mid]) / 2);
    }
}
