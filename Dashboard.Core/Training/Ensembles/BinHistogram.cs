using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// One tree node's histogram over every column's bins (laid out by <see cref="SparseRowBins.Offset"/>): per bin the
/// weight of negative and of positive rows and how many rows. A child's histogram is its parent's minus its sibling's,
/// so of the two children of a split only the one with fewer rows is filled from its rows (LightGBM's subtraction trick).
/// </summary>
internal sealed class BinHistogram(int bins)
{
    /// <summary>Weight per (bin, label) at [2 * bin + label]: indexed by the label rather than branching on it.</summary>
    public double[] Weight { get; } = new double[2 * bins];

    public int[] Count { get; } = new int[bins];

    /// <summary>Fills the histogram from scratch with the rows at <paramref name="order"/>[start..end) (positions into the tree's rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(SparseRowBins data, int[] order, int start, int end, int[] rows, double[] weights, int[] labels,
        double positive, double negative)
    {
        Array.Clear(Weight);
        Array.Clear(Count);
        var (weight, count) = (Weight, Count);
        for (var i = start; i < end; i++)
        {
            var at = order[i];
            var (w, label) = (weights[at], labels[at]);
            foreach (var bin in data.Uncommon(rows[at]))
            {
                weight[2 * bin + label] += w;
                count[bin]++;
            }
        }
        FillCommonBins(data, positive, negative, end - start);
    }

    /// <summary>Turns this parent histogram into the other child's: this minus <paramref name="sibling"/>, bin by bin.</summary>
    public void Subtract(BinHistogram sibling)
    {
        TensorPrimitives.Subtract(Weight, sibling.Weight, Weight);
        TensorPrimitives.Subtract(Count, sibling.Count, Count);
    }

    /// <summary>Each column's common bin holds what the node's totals leave after its listed bins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillCommonBins(SparseRowBins data, double positive, double negative, int rows)
    {
        for (var column = 0; column < data.Columns; column++)
        {
            double listedNegative = 0, listedPositive = 0;
            var listedRows = 0;
            for (var bin = data.Offset[column]; bin < data.Offset[column + 1]; bin++)
            {
                listedNegative += Weight[2 * bin];
                listedPositive += Weight[2 * bin + 1];
                listedRows += Count[bin];
            }
            var common = data.Offset[column] + data.Common[column];
            Weight[2 * common] = negative - listedNegative;
            Weight[2 * common + 1] = positive - listedPositive;
            Count[common] = rows - listedRows;
        }
    }
}
