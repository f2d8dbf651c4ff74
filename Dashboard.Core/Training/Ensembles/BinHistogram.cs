using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// One tree node's histogram over every column's bins (laid out by <see cref="SparseRowBins.Offset"/>): per bin the
/// rows' total weight, their weighted target sum (for a classifier: the weight of the positive rows) and how many rows. A child's histogram is its parent's minus its sibling's,
/// so of the two children of a split only the one with fewer rows is filled from its rows (LightGBM's subtraction trick).
/// </summary>
internal sealed class BinHistogram(int bins)
{
    /// <summary>Per bin, the weight at [2 * bin] and the weighted target sum at [2 * bin + 1]: one cache line for both.</summary>
    public double[] Sums { get; } = new double[2 * bins];

    public int[] Count { get; } = new int[bins];

    /// <summary>Fills the histogram from scratch with the rows at <paramref name="order"/>[start..end) (positions into the tree's rows).</summary>
    /// <param name="weighted">Per position, its weight times its target.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(SparseRowBins data, int[] order, int start, int end, int[] rows, double[] weights, double[] weighted,
        double weight, double sum)
    {
        Array.Clear(Sums);
        Array.Clear(Count);
        var (histogram, count) = (Sums, Count);
        for (var i = start; i < end; i++)
        {
            var at = order[i];
            var (w, wy) = (weights[at], weighted[at]);
            foreach (var bin in data.Uncommon(rows[at]))
            {
                histogram[2 * bin] += w;
                histogram[2 * bin + 1] += wy;
                count[bin]++;
            }
        }
        FillCommonBins(data, weight, sum, end - start);
    }

    /// <summary>Turns this parent histogram into the other child's: this minus <paramref name="sibling"/>, bin by bin.</summary>
    public void Subtract(BinHistogram sibling)
    {
        TensorPrimitives.Subtract(Sums, sibling.Sums, Sums);
        TensorPrimitives.Subtract(Count, sibling.Count, Count);
    }

    /// <summary>Each column's common bin holds what the node's totals leave after its listed bins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillCommonBins(SparseRowBins data, double weight, double sum, int rows)
    {
        for (var column = 0; column < data.Columns; column++)
        {
            double listedWeight = 0, listedSum = 0;
            var listedRows = 0;
            for (var bin = data.Offset[column]; bin < data.Offset[column + 1]; bin++)
            {
                listedWeight += Sums[2 * bin];
                listedSum += Sums[2 * bin + 1];
                listedRows += Count[bin];
            }
            var common = data.Offset[column] + data.Common[column];
            Sums[2 * common] = weight - listedWeight;
            Sums[2 * common + 1] = sum - listedSum;
            Count[common] = rows - listedRows;
        }
    }
}
