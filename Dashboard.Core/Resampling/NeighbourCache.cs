using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// Neighbour lists kept between calls of <see cref="Resampler.Apply(LabeledDataset, IReadOnlyList{int}, IReadOnlyList{DistributionChange}, int, ResamplingOptions, CancellationToken)"/>
/// for one session (pass it in <see cref="ResamplingOptions.Neighbours"/>), so a slider that moves again
/// searches only the rows it has not searched before. Results are identical with and without it.
/// <para>
/// A pool (e.g. one class of a focus group) is cached only when it is made of real rows; it is found again
/// only for the same labeled data set instance, the same training rows in the same order, the same pool rows
/// in the same order, the same search kind (exact, or the same seeded sample) and, per list, the same k
/// and nearest or farthest. Hashes only shortlist candidates: the row lists are compared before a match counts.
/// </para>
/// <para>
/// Memory: pools (their rows, matrix and neighbour lists) are held up to <see cref="ByteBudget"/>; past it
/// the least recently used pools are dropped. The fitted standardization of the last
/// <see cref="SpaceCapacity"/> training-row lists is kept too; dropping one drops its pools. Thread-safe.
/// </para>
/// </summary>
public sealed class NeighbourCache
{
    /// <summary>Training-row lists (feature spaces) kept at once: the honest split and the leaky mode's all rows, with room to spare.</summary>
    public const int SpaceCapacity = 4;

    /// <summary>The default budget: a 100,000-row pool of 20 features with its k = 5 lists is about 12 MB.</summary>
    public const long DefaultByteBudget = 32L << 20;

    private readonly Lock _gate = new();
    private readonly LinkedList<CachedPool> _pools = new(); // least recently used first
    private readonly List<NeighbourSpace> _spaces = [];      // most recently used first
    private long _bytes;
    private long _queries;
    private long _hits;
    private long _evictions;

    public NeighbourCache(long byteBudget = DefaultByteBudget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteBudget);
        ByteBudget = byteBudget;
    }

    /// <summary>The most memory the cached pools may hold, in bytes.</summary>
    public long ByteBudget { get; }

    /// <summary>Memory the cached pools hold now, in bytes.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    /// <summary>Pools held now.</summary>
    public int PoolCount
    {
        get { lock (_gate) return _pools.Count; }
    }

    /// <summary>Neighbour queries searched (brute force) by calls that used this cache.</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <summary>Neighbour queries answered from the cache without a search.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Pools dropped to stay within the budget (or because their training rows were dropped).</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Drops everything, e.g. when the session's data set changes.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var pool in _pools) pool.Node = null;
            _pools.Clear();
            _spaces.Clear();
            _bytes = 0;
        }
    }

    /// <summary>The space of these training rows: the one fitted before if it is still held, else a new one (fitted outside the lock).</summary>
    internal NeighbourSpace Space(LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        int[] rows = [.. trainRows];
        var fingerprint = RowFingerprint.Of(rows);
        lock (_gate)
        {
            if (_spaces.Find(s => s.Matches(data, rows, fingerprint)) is { } known)
            {
                _spaces.Remove(known);
                _spaces.Insert(0, known);
                return known;
            }
        }
        var created = NeighbourSpace.Create(data, rows);
        lock (_gate)
        {
            // Another call may have fitted the same space meanwhile; keep one, so pools compare spaces by reference.
            if (_spaces.Find(s => s.Matches(data, rows, fingerprint)) is { } raced) return raced;
            _spaces.Insert(0, created);
            if (_spaces.Count > SpaceCapacity)
            {
                var dropped = _spaces[^1];
                _spaces.RemoveAt(_spaces.Count - 1);
                for (var node = _pools.First; node is not null;)
                {
                    var next = node.Next;
                    if (ReferenceEquals(node.Value.Space, dropped)) Evict(node.Value);
                    node = next;
                }
            }
            return created;
        }
    }

    /// <summary>
    /// The cached pool with exactly these rows, or a new one with the matrix <paramref name="build"/> makes
    /// (outside the lock); null when the pool alone would not fit in the budget.
    /// </summary>
    internal CachedPool? Pool(NeighbourSpace space, bool sampled, int[] rows, Func<NeighbourMatrix> build, out NeighbourMatrix matrix)
    {
        var fingerprint = RowFingerprint.Of(rows);
        lock (_gate)
        {
            if (FindPool(space, sampled, fingerprint, rows) is { } known)
            {
                matrix = known.Matrix;
                return known;
            }
        }
        matrix = build();
        var created = new CachedPool(space, sampled, rows, fingerprint, matrix);
        if (created.Bytes > ByteBudget) return null;
        lock (_gate)
        {
            if (FindPool(space, sampled, fingerprint, rows) is { } raced)
            {
                matrix = raced.Matrix;
                return raced;
            }
            if (!_spaces.Contains(space)) return null; // its training rows were dropped meanwhile: it could never be found again
            created.Node = _pools.AddLast(created);
            _bytes += created.Bytes;
            Trim();
            return created;
        }
    }

    /// <summary>
    /// Fills the rows of <paramref name="table"/> whose query is a pool row already searched with this k and direction,
    /// and returns the indices of the queries still to search.
    /// </summary>
    internal List<int> Recall(CachedPool pool, bool farthest, int[] poolRows, NeighbourTable table)
    {
        var missing = new List<int>();
        lock (_gate)
        {
            Touch(pool);
            for (var q = 0; q < poolRows.Length; q++)
            {
                if (poolRows[q] < 0 || !pool.TryRecall(table.K, farthest, poolRows[q], table.Indices.AsSpan(q * table.K, table.K),
                    table.SquaredDistances.AsSpan(q * table.K, table.K))) missing.Add(q);
            }
        }
        Interlocked.Add(ref _hits, poolRows.Length - missing.Count);
        return missing;
    }

    /// <summary>Stores the searched queries that are pool rows (<paramref name="poolRows"/>[i] for row i of <paramref name="searched"/>, -1 for others).</summary>
    internal void Remember(CachedPool pool, bool farthest, int[] poolRows, NeighbourTable searched)
    {
        lock (_gate)
        {
            for (var i = 0; i < poolRows.Length; i++)
            {
                if (poolRows[i] < 0) continue;
                var grown = pool.Remember(searched.K, farthest, poolRows[i], searched.Row(i), searched.DistancesOf(i));
                if (grown > 0 && pool.Node is not null) _bytes += grown;
            }
            if (pool.Node is not null) Trim();
        }
    }

    internal void CountSearched(int queries) => Interlocked.Add(ref _queries, queries);

    private CachedPool? FindPool(NeighbourSpace space, bool sampled, ulong fingerprint, int[] rows)
    {
        for (var node = _pools.First; node is not null; node = node.Next)
        {
            if (!node.Value.Matches(space, sampled, fingerprint, rows)) continue;
            Touch(node.Value);
            return node.Value;
        }
        return null;
    }

    private void Touch(CachedPool pool)
    {
        if (pool.Node is null) return; // evicted while a call still used it
        _pools.Remove(pool.Node);
        _pools.AddLast(pool.Node);
    }

    /// <summary>Drops least recently used pools until the budget holds (the pool just used goes last, and alone over budget, too).</summary>
    private void Trim()
    {
        while (_bytes > ByteBudget && _pools.First is { } oldest) Evict(oldest.Value);
    }

    private void Evict(CachedPool pool)
    {
        _pools.Remove(pool.Node!);
        pool.Node = null;
        _bytes -= pool.Bytes;
        Interlocked.Increment(ref _evictions);
    }
}
