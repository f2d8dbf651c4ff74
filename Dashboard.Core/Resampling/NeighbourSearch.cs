namespace Dashboard.Core.Resampling;

/// <summary>
/// Exact k-nearest-neighbour search by brute force. At the dimensions of a teaching data set
/// (10-30 features) a KD-tree loses to brute force, so the work goes into making brute force fast:
/// feature-major storage, so one vector load brings one feature of 8 rows; four queries at a time,
/// so each load feeds four accumulators; selection fused into the sweep (a vector compare against
/// each query's current k-th best, scalar work only when a lane beats it); cache blocking (a block
/// of queries sweeps a tile of reference rows that stays in L2); parallel blocks; and buffers
/// allocated once per worker, never per row.
/// Distances: squared Euclidean over standardized numeric features, coordinates missing in either
/// row ignored and the sum scaled up by (features / coordinates present), as scikit-learn's
/// nan_euclidean_distances; plus the mismatch penalty for each differing categorical feature (SMOTE-NC).
/// Ties go to the lower row index, so results do not depend on thread timing, and a query's result
/// does not depend on which other queries share its call (so neighbour lists can be cached per row).
/// The kernel itself is <see cref="NeighbourQueryBatch"/>.
/// </summary>
internal static class NeighbourSearch
{
    /// <param name="selfRows">Per query, the reference row that is the query itself (skipped), or -1.</param>
    /// <param name="farthest">Find the k farthest rows instead (NearMiss-2).</param>
    public static NeighbourTable Find(NeighbourMatrix reference, NeighbourMatrix queries, int[] selfRows, int k, bool farthest,
        CancellationToken cancellationToken) =>
        Find(reference, queries, queryRows: null, selfRows, k, farthest, cancellationToken);

    /// <param name="queryRows">Per query, its row in <paramref name="queries"/>; null when query i is row i. Lets rows of the
    /// reference itself be queried without copying them into a matrix of their own.</param>
    public static NeighbourTable Find(NeighbourMatrix reference, NeighbourMatrix queries, int[]? queryRows, int[] selfRows, int k, bool farthest,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, reference.Rows - (selfRows.Any(s => s >= 0) ? 1 : 0));
        var count = selfRows.Length;
        var table = new NeighbourTable(count, k);
        if (k == 0 || count == 0) return table;
        var blocks = (count + NeighbourQueryBatch.Size - 1) / NeighbourQueryBatch.Size;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, blocks, options,
            () => new NeighbourQueryBatch(queries),
            (block, _, batch) =>
            {
                var first = block * NeighbourQueryBatch.Size;
                batch.Load(queries, queryRows, first, Math.Min(count, first + NeighbourQueryBatch.Size), selfRows, table, farthest);
                batch.Search(reference);
                return batch;
            },
            _ => { });
        return table;
    }
}
