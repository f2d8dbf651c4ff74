using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The k nearest neighbours of every row of a gap-free matrix among its own rows (what SMOTE needs once most of a
/// pool's rows are drawn as bases, and what Tomek links and ENN ask for), computing each distance once instead of
/// twice: a block of 32 rows is swept against itself and every later row, and each distance found is offered both
/// to the query's list and to the other row's. Squared differences are the same either way round and are summed in
/// the same order, and ties go to the lower row explicitly, so the lists are bit for bit those of
/// <see cref="NeighbourSearch"/>. Each worker keeps lists for every row of its own (a row hears from many blocks),
/// merged at the end.
/// </summary>
internal static class SelfNeighbourSearch
{
    private const int BlockRows = 32;
    private const int TileRows = 2048;

    /// <summary>Rows per kernel call: two vectors.</summary>
    private static readonly int Step = 2 * Vector<float>.Count;

    /// <summary>Whether the search applies: no missing values (the fast kernel) and rows that fill whole kernel steps per block.</summary>
    public static bool Applies(NeighbourMatrix matrix) => matrix.Present is null && BlockRows % Step == 0;

    /// <summary>Every row's k nearest other rows, nearest first (ties: lower row), with squared distances.</summary>
    public static NeighbourTable Find(NeighbourMatrix matrix, int k, CancellationToken cancellationToken)
    {
        var rows = matrix.Rows;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, rows - 1);
        var table = new NeighbourTable(rows, k);
        if (k == 0) return table;
        // One worker per core, each taking the next block from a shared counter (early blocks have the most rows after
        // them, so they go first). Fixed workers rather than Parallel.For's replicas, because every worker starts its
        // lists of every row empty, and a fresh one refills them all.
        var blocks = (rows + BlockRows - 1) / BlockRows;
        var workers = new Worker[Math.Min(blocks, Environment.ProcessorCount)];
        var next = -1;
        Parallel.For(0, workers.Length, new ParallelOptions { CancellationToken = cancellationToken }, w =>
        {
            var worker = workers[w] = new Worker(matrix, k);
            for (var block = Interlocked.Increment(ref next); block < blocks; block = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                worker.Sweep(block);
            }
        });
        var merged = new RowLists(matrix.Stride, rows, k);
        foreach (var lists in workers.Select(w => w.Lists))
        {
            for (var row = 0; row < rows; row++)
            {
                for (var i = 0; i < k && lists.Indices[row * k + i] >= 0; i++) merged.Offer(row, lists.Distances[row * k + i], lists.Indices[row * k + i]);
            }
        }
        merged.Distances.AsSpan(0, rows * k).CopyTo(table.SquaredDistances);
        merged.Indices.AsSpan(0, rows * k).CopyTo(table.Indices);
        return table;
    }

    /// <summary>Best-k lists of every row, kept sorted by (distance, row), with each row's k-th distance for a quick first test.</summary>
    private sealed class RowLists
    {
        public RowLists(int stride, int rows, int k)
        {
            K = k;
            Distances = new float[rows * k];
            Indices = new int[rows * k];
            Worst = new float[stride];
            Array.Fill(Distances, float.PositiveInfinity);
            Array.Fill(Indices, -1);
            Worst.AsSpan(0, rows).Fill(float.PositiveInfinity);
            Worst.AsSpan(rows).Fill(float.NegativeInfinity); // padding rows accept nothing
        }

        public int K { get; }

        public float[] Distances { get; }

        public int[] Indices { get; }

        /// <summary>Per row (padded to the matrix stride), the distance a candidate must not exceed.</summary>
        public float[] Worst { get; }

        /// <summary>Adds a candidate if it beats the row's k-th best by (distance, row); a row is never its own neighbour.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Offer(int row, float key, int candidate)
        {
            ref var worst = ref Worst[row];
            var distances = Distances.AsSpan(row * K, K);
            var indices = Indices.AsSpan(row * K, K);
            if (!(key < worst || (key == worst && candidate < indices[^1])) || candidate == row) return;
            var position = K - 1;
            while (position > 0 && (distances[position - 1] > key || (distances[position - 1] == key && indices[position - 1] > candidate)))
            {
                distances[position] = distances[position - 1];
                indices[position] = indices[position - 1];
                position--;
            }
            distances[position] = key;
            indices[position] = candidate;
            worst = distances[^1];
        }
    }

    private sealed class Worker(NeighbourMatrix matrix, int k)
    {
        private readonly int _numeric = matrix.NumericCount;
        private readonly int _categorical = matrix.CategoricalCount;
        private readonly Vector<float>[] _quad = new Vector<float>[4 * matrix.NumericCount];
        private readonly Vector<int>[] _quadCodes = new Vector<int>[4 * matrix.CategoricalCount];
        private readonly Vector<float>[] _sums = new Vector<float>[8];

        public RowLists Lists { get; } = new(matrix.Stride, matrix.Rows, k);

        /// <summary>
        /// Rows of one block, four at a time, against the block itself (offered to the four only: the block's other rows
        /// see these pairs from their own side) and every later row (offered both ways), tile by tile so the later rows
        /// are read from cache by all eight groups of four.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Sweep(int block)
        {
            var rows = matrix.Rows;
            var first = block * BlockRows;
            var blockEnd = Math.Min(rows, first + BlockRows);
            var width = Vector<float>.Count;
            var penalty = new Vector<float>(matrix.MismatchPenalty);
            ref var values = ref MemoryMarshal.GetArrayDataReference(matrix.Values);
            ref var codes = ref MemoryMarshal.GetArrayDataReference(matrix.Codes);
            ref var quad = ref MemoryMarshal.GetArrayDataReference(_quad);
            ref var quadCodes = ref MemoryMarshal.GetArrayDataReference(_quadCodes);
            for (var tile = first; tile < rows; tile += TileRows)
            {
                var tileEnd = Math.Min(rows, tile + TileRows);
                for (var q = first; q < blockEnd; q += 4)
                {
                    Interleave(q);
                    for (var j = tile; j < tileEnd; j += Step)
                    {
                        NeighbourQueryBatch.SquaredDistances(ref Unsafe.Add(ref values, j), ref quad, _numeric, ref Unsafe.Add(ref codes, j), ref quadCodes,
                            _categorical, matrix.Stride, penalty, _sums);
                        var later = j >= first + BlockRows;
                        for (var t = 0; t < 4 && q + t < rows; t++)
                        {
                            Forward(_sums[t], j, q + t);
                            Forward(_sums[4 + t], j + width, q + t);
                            if (!later) continue;
                            Backward(_sums[t], j, q + t);
                            Backward(_sums[4 + t], j + width, q + t);
                        }
                    }
                }
            }
        }

        /// <summary>Offers rows firstRow.. (one vector) to query q's list.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Forward(Vector<float> distances, int firstRow, int q)
        {
            var lanes = NeighbourQueryBatch.LaneMask(Vector.LessThanOrEqual(distances, new Vector<float>(Lists.Worst[q])));
            if (lanes == 0) return;
            if (matrix.Rows - firstRow < Vector<float>.Count) lanes &= (1u << Math.Max(0, matrix.Rows - firstRow)) - 1; // padding rows
            for (; lanes != 0; lanes &= lanes - 1)
            {
                var lane = BitOperations.TrailingZeroCount(lanes);
                Lists.Offer(q, distances[lane], firstRow + lane);
            }
        }

        /// <summary>Offers query q to the lists of rows firstRow.. (one vector); padding rows never accept.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Backward(Vector<float> distances, int firstRow, int q)
        {
            var lanes = NeighbourQueryBatch.LaneMask(Vector.LessThanOrEqual(distances, Vector.LoadUnsafe(ref Lists.Worst[firstRow])));
            for (; lanes != 0; lanes &= lanes - 1)
            {
                var lane = BitOperations.TrailingZeroCount(lanes);
                Lists.Offer(firstRow + lane, distances[lane], q);
            }
        }

        /// <summary>Rows q..q+3 broadcast feature by feature, as the kernel reads them (rows past the end read the zero padding and are never offered).</summary>
        private void Interleave(int q)
        {
            for (var t = 0; t < 4; t++)
            {
                for (var f = 0; f < _numeric; f++) _quad[4 * f + t] = new Vector<float>(matrix.Values[f * matrix.Stride + q + t]);
                for (var c = 0; c < _categorical; c++) _quadCodes[4 * c + t] = new Vector<int>(matrix.Codes[c * matrix.Stride + q + t]);
            }
        }
    }
}
