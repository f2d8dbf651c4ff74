namespace Dashboard.Core.Resampling;

/// <summary>
/// One pool in a <see cref="NeighbourCache"/>: the real rows it is made of, in order (ties between
/// equally near rows go to the earlier one, so order is part of the identity), its matrix in standard
/// units, and the neighbour lists of those of its rows that have been queried so far, per (k, nearest
/// or farthest). Neighbours are stored as pool rows, which mean the same real rows whatever positions
/// they hold in a later working set. Not thread-safe: the cache guards it with its lock.
/// </summary>
internal sealed class CachedPool
{
    private readonly Dictionary<(int K, bool Farthest), RowLists> _lists = [];

    public CachedPool(NeighbourSpace space, bool sampled, int[] rows, ulong fingerprint, NeighbourMatrix matrix)
    {
        Space = space;
        Sampled = sampled;
        Rows = rows;
        Fingerprint = fingerprint;
        Matrix = matrix;
        Bytes = (long)rows.Length * sizeof(int) + matrix.Bytes;
    }

    public NeighbourSpace Space { get; }

    /// <summary>Whether the rows are a seeded sample of a larger pool (the sample's rows are the identity).</summary>
    public bool Sampled { get; }

    /// <summary>Real row indices into the data set, in pool order.</summary>
    public int[] Rows { get; }

    public ulong Fingerprint { get; }

    public NeighbourMatrix Matrix { get; }

    /// <summary>Memory held: row list, matrix and neighbour lists.</summary>
    public long Bytes { get; private set; }

    /// <summary>The pool's node in the cache's least-recently-used list.</summary>
    public LinkedListNode<CachedPool>? Node { get; set; }

    public bool Matches(NeighbourSpace space, bool sampled, ulong fingerprint, ReadOnlySpan<int> rows) =>
        ReferenceEquals(Space, space) && Sampled == sampled && Fingerprint == fingerprint && rows.SequenceEqual(Rows);

    /// <summary>Copies a pool row's stored neighbours into <paramref name="indices"/> and <paramref name="distances"/>; false when it was never searched.</summary>
    public bool TryRecall(int k, bool farthest, int poolRow, Span<int> indices, Span<float> distances)
    {
        if (!_lists.TryGetValue((k, farthest), out var lists) || !lists.Known[poolRow]) return false;
        lists.Indices.AsSpan(poolRow * k, k).CopyTo(indices);
        lists.Distances.AsSpan(poolRow * k, k).CopyTo(distances);
        return true;
    }

    /// <summary>Stores a pool row's neighbours (as pool rows); returns the bytes the pool grew by.</summary>
    public long Remember(int k, bool farthest, int poolRow, ReadOnlySpan<int> indices, ReadOnlySpan<float> distances)
    {
        var grown = 0L;
        if (!_lists.TryGetValue((k, farthest), out var lists))
        {
            // Room for every row at once: a second move draws mostly the same bases, so the lists fill up quickly.
            _lists[(k, farthest)] = lists = new RowLists(new int[Rows.Length * k], new float[Rows.Length * k], new bool[Rows.Length]);
            grown = (long)Rows.Length * (k * (sizeof(int) + sizeof(float)) + sizeof(bool));
            Bytes += grown;
        }
        indices.CopyTo(lists.Indices.AsSpan(poolRow * k, k));
        distances.CopyTo(lists.Distances.AsSpan(poolRow * k, k));
        lists.Known[poolRow] = true;
        return grown;
    }

    private sealed record RowLists(int[] Indices, float[] Distances, bool[] Known);
}
