using System.Numerics;
using System.Runtime.InteropServices;

namespace Dashboard.Core.Resampling;

/// <summary>
/// Exact k-nearest-neighbour search by brute force. At the dimensions of a teaching data set
/// (10-30 features) a KD-tree loses to brute force, so the work goes into making brute force fast:
/// feature-major storage and one vector register accumulating 8 rows' distances at a time,
/// cache blocking (a block of queries sweeps a tile of reference rows that stays in L2), parallel
/// blocks, and scratch buffers allocated once per worker, never per row.
/// Distances: squared Euclidean over standardized numeric features, coordinates missing in either
/// row ignored and the sum scaled up by (features / coordinates present), as scikit-learn's
/// nan_euclidean_distances; plus the mismatch penalty for each differing categorical feature (SMOTE-NC).
/// Ties go to the lower row index, so results do not depend on thread timing.
/// </summary>
internal static class NeighbourSearch
{
    private const int QueryBlock = 32;
    private const int TileRows = 2048; // a multiple of every vector width
    /// <summary>Stands for "no coordinate in common": larger than any real distance, yet still ordered.</summary>
    private const float Unknown = float.MaxValue;

    /// <param name="selfRows">Per query, the reference row that is the query itself (skipped), or -1.</param>
    /// <param name="farthest">Find the k farthest rows instead (NearMiss-2).</param>
    public static NeighbourTable Find(FeatureMatrix reference, FeatureMatrix queries, int[] selfRows, int k, bool farthest,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, reference.Rows - (selfRows.Any(s => s >= 0) ? 1 : 0));
        var table = new NeighbourTable(queries.Rows, k);
        if (k == 0 || queries.Rows == 0) return table;
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, blocks, options,
            () => new Scratch(queries),
            (block, _, scratch) =>
            {
                SearchBlock(reference, queries, selfRows, table, farthest, block * QueryBlock,
                    Math.Min(queries.Rows, (block + 1) * QueryBlock), scratch);
                return scratch;
            },
            _ => { });
        return table;
    }

    private static void SearchBlock(FeatureMatrix reference, FeatureMatrix queries, int[] selfRows, NeighbourTable table,
        bool farthest, int first, int end, Scratch scratch)
    {
        var k = table.K;
        var keys = table.SquaredDistances.AsSpan(first * k, (end - first) * k);
        keys.Fill(float.PositiveInfinity);
        table.Indices.AsSpan(first * k, (end - first) * k).Fill(-1);
        for (var q = first; q < end; q++) scratch.Prepare(queries, q - first, q);
        for (var tile = 0; tile < reference.Rows; tile += TileRows)
        {
            var tileEnd = Math.Min(reference.Rows, tile + TileRows);
            for (var q = first; q < end; q++)
            {
                var distances = scratch.Distances.AsSpan(0, tileEnd - tile);
                scratch.Query(q - first).Distances(reference, tile, tileEnd, scratch.Distances);
                KeepBest(distances, tile, selfRows[q], farthest, table.SquaredDistances.AsSpan(q * k, k), table.Indices.AsSpan(q * k, k));
            }
        }
        if (farthest)
        {
            foreach (ref var key in keys) key = -key;
        }
    }

    /// <summary>Merges a tile's distances into a query's sorted best-k list (keys are negated when looking for the farthest).</summary>
    private static void KeepBest(ReadOnlySpan<float> distances, int offset, int self, bool farthest, Span<float> keys, Span<int> indices)
    {
        var k = keys.Length;
        var worst = keys[k - 1];
        for (var j = 0; j < distances.Length; j++)
        {
            var key = farthest ? -distances[j] : distances[j];
            if (!(key < worst) || offset + j == self) continue;
            var slot = k - 1;
            while (slot > 0 && keys[slot - 1] > key)
            {
                keys[slot] = keys[slot - 1];
                indices[slot] = indices[slot - 1];
                slot--;
            }
            keys[slot] = key;
            indices[slot] = offset + j;
            worst = keys[k - 1];
        }
    }

    /// <summary>One worker's buffers: tile distances and the prepared queries of a block.</summary>
    private sealed class Scratch(FeatureMatrix queries)
    {
        private readonly PreparedQuery[] _queries = Enumerable.Range(0, QueryBlock).Select(_ => new PreparedQuery(queries)).ToArray();

        public float[] Distances { get; } = new float[TileRows];

        public void Prepare(FeatureMatrix matrix, int slot, int row) => _queries[slot].Load(matrix, row);

        public PreparedQuery Query(int slot) => _queries[slot];
    }

    /// <summary>A query row broadcast into vectors, with the list of its present numeric features.</summary>
    private sealed class PreparedQuery(FeatureMatrix shape)
    {
        private readonly Vector<float>[] _values = new Vector<float>[shape.NumericCount];
        private readonly int[] _features = new int[shape.NumericCount];
        private readonly Vector<int>[] _codes = new Vector<int>[shape.CategoricalCount];
        private int _present;

        public void Load(FeatureMatrix matrix, int row)
        {
            _present = 0;
            for (var f = 0; f < matrix.NumericCount; f++)
            {
                if (!matrix.IsPresent(f, row)) continue;
                _features[_present] = f;
                _values[_present++] = new Vector<float>(matrix.Value(f, row));
            }
            for (var c = 0; c < matrix.CategoricalCount; c++) _codes[c] = new Vector<int>(matrix.Code(c, row));
        }

        /// <summary>Squared distances to reference rows [start, end) into <paramref name="output"/> (which has room for a whole padded tile).</summary>
        public void Distances(FeatureMatrix reference, int start, int end, float[] output)
        {
            var stride = reference.Stride;
            ref var values = ref MemoryMarshal.GetArrayDataReference(reference.Values);
            ref var codes = ref MemoryMarshal.GetArrayDataReference(reference.Codes);
            ref var result = ref MemoryMarshal.GetArrayDataReference(output);
            var penalty = new Vector<float>(reference.MismatchPenalty);
            var numeric = reference.NumericCount;
            // Without missing values in the reference, only the query's own gaps rescale the sum: one factor for the row.
            var scale = new Vector<float>(_present == 0 ? 0 : (float)numeric / _present);
            var unknown = new Vector<float>(numeric > 0 && _present == 0 ? Unknown : 0);
            for (var j = start; j < end; j += Vector<float>.Count)
            {
                var sum = reference.Present is null
                    ? SumOfSquares(ref values, stride, j) * scale + unknown
                    : ScaledSumWithGaps(reference, j, numeric);
                for (var c = 0; c < _codes.Length; c++)
                {
                    var same = Vector.Equals(Vector.LoadUnsafe(ref codes, (nuint)(c * stride + j)), _codes[c]);
                    sum += Vector.ConditionalSelect(same, Vector<float>.Zero, penalty);
                }
                sum.StoreUnsafe(ref result, (nuint)(j - start));
            }
        }

        private Vector<float> SumOfSquares(ref float values, int stride, int j)
        {
            var sum = Vector<float>.Zero;
            for (var i = 0; i < _present; i++)
            {
                var difference = Vector.LoadUnsafe(ref values, (nuint)(_features[i] * stride + j)) - _values[i];
                sum = Vector.FusedMultiplyAdd(difference, difference, sum);
            }
            return sum;
        }

        private Vector<float> ScaledSumWithGaps(FeatureMatrix reference, int j, int numeric)
        {
            ref var values = ref MemoryMarshal.GetArrayDataReference(reference.Values);
            ref var present = ref MemoryMarshal.GetArrayDataReference(reference.Present!);
            var sum = Vector<float>.Zero;
            var count = Vector<float>.Zero;
            for (var i = 0; i < _present; i++)
            {
                var offset = (nuint)(_features[i] * reference.Stride + j);
                var mask = Vector.LoadUnsafe(ref present, offset);
                var difference = Vector.LoadUnsafe(ref values, offset) - _values[i];
                sum = Vector.FusedMultiplyAdd(mask * difference, difference, sum);
                count += mask;
            }
            if (numeric == 0) return sum;
            var known = Vector.GreaterThan(count, Vector<float>.Zero);
            return Vector.ConditionalSelect(known, sum * (new Vector<float>(numeric) / Vector.Max(count, Vector<float>.One)), new Vector<float>(Unknown));
        }
    }
}
