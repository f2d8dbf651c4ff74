using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// A binned matrix row by row, keeping of each row only the bins that differ from their column's most common bin
/// (LightGBM's trick for sparse columns). Every column's bins get a place in one flat histogram (<see cref="Offset"/>),
/// so filling a node's histogram costs each row its few uncommon bins: a one-hot slot is almost always at its common
/// bin, and lending_club's 123 slots leave about 20 per row. The common bins are filled afterwards from the node's
/// totals (<see cref="BinHistogram.FillCommonBins"/>).
/// </summary>
internal sealed class SparseRowBins
{
    private readonly int[] _rowStart;
    private readonly int[] _uncommon;

    private SparseRowBins(BinnedFeatures binned, int[] offset, byte[] common, int[] rowStart, int[] uncommon)
    {
        Binned = binned;
        Offset = offset;
        Common = common;
        _rowStart = rowStart;
        _uncommon = uncommon;
    }

    /// <summary>The same matrix column by column: the partition of a node's rows reads one column there.</summary>
    public BinnedFeatures Binned { get; }

    /// <summary>Where each column's bins start in a flat histogram; the last entry is the histogram's length.</summary>
    public int[] Offset { get; }

    /// <summary>Each column's most common bin, the one rows do not list.</summary>
    public byte[] Common { get; }

    public int Columns => Binned.Columns;

    /// <summary>The flat histogram positions of a row's uncommon bins.</summary>
    public ReadOnlySpan<int> Uncommon(int row) => _uncommon.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SparseRowBins Create(BinnedFeatures binned)
    {
        var (rows, columns) = (binned.Rows, binned.Columns);
        var offset = new int[columns + 1];
        for (var c = 0; c < columns; c++) offset[c + 1] = offset[c] + binned.BinCount(c);
        var common = new byte[columns];
        var counts = new int[BinnedFeatures.MaxBins];
        var rowLength = new int[rows];
        for (var c = 0; c < columns; c++)
        {
            Array.Clear(counts);
            var column = binned.Column(c);
            foreach (var bin in column) counts[bin]++;
            // The lowest of equally common bins: a tie must not depend on anything but the data.
            var most = 0;
            for (var bin = 1; bin < counts.Length; bin++) if (counts[bin] > counts[most]) most = bin;
            common[c] = (byte)most;
            for (var r = 0; r < rows; r++) if (column[r] != most) rowLength[r]++;
        }
        var rowStart = new int[rows + 1];
        for (var r = 0; r < rows; r++) rowStart[r + 1] = rowStart[r] + rowLength[r];
        var uncommon = new int[rowStart[rows]];
        var next = (int[])rowStart.Clone();
        for (var c = 0; c < columns; c++)
        {
            var column = binned.Column(c);
            for (var r = 0; r < rows; r++)
            {
                if (column[r] != common[c]) uncommon[next[r]++] = offset[c] + column[r];
            }
        }
        return new SparseRowBins(binned, offset, common, rowStart, uncommon);
    }
}
