using System.Globalization;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The rows a neighbour search looks in, as a matrix: every row of a pool, or, above
/// <see cref="ResamplingOptions.ExactSearchLimit"/> rows, a seeded random sample of it (reported).
/// Results come back as working-set positions. With a <see cref="NeighbourCache"/>, a pool made only of
/// real rows reuses the matrix and the neighbour lists of an identical pool from an earlier call.
/// </summary>
internal sealed class SearchPool
{
    private readonly ChangeContext _context;
    private readonly int[] _positions;
    private readonly CachedPool? _cached;
    private int[]? _rowOfPosition;

    private SearchPool(ChangeContext context, int[] positions, bool sampled)
    {
        _context = context;
        _positions = positions;
        if (context.Options.Neighbours is { } cache && context.Space is { } space && RealRows(context.Work, positions) is { } rows)
        {
            _cached = cache.Pool(space, sampled, rows, () => NeighbourMatrix.Build(context.Work, positions), out var matrix);
            Matrix = matrix;
        }
        else
        {
            Matrix = NeighbourMatrix.Build(context.Work, positions);
        }
    }

    public NeighbourMatrix Matrix { get; }

    public int Count => _positions.Length;

    /// <param name="what">Names the pool in the message shown when it is sampled, e.g. "class 'yes' of the group".</param>
    public static SearchPool Create(ChangeContext context, IReadOnlyList<int> positions, string what)
    {
        var limit = context.Options.ExactSearchLimit;
        if (positions.Count <= limit)
        {
            context.Searched(NeighbourSearchKind.Exact);
            return new SearchPool(context, [.. positions], sampled: false);
        }
        var sample = context.Random($"sample/{what}").SampleWithoutReplacement(positions.Count, limit);
        Array.Sort(sample); // keep working-set order, so ties still go to the earlier row
        context.Searched(NeighbourSearchKind.Sampled);
        context.Warn(ResamplingWarningKind.SampledNeighbours, string.Create(CultureInfo.InvariantCulture,
            $"Neighbours in {what} were searched in a random sample of {limit:N0} of its {positions.Count:N0} rows, to keep the slider responsive."));
        return new SearchPool(context, sample.Select(i => positions[i]).ToArray(), sampled: true);
    }

    /// <summary>
    /// The k nearest (or farthest) pool rows of each query position, as positions; a query never finds itself.
    /// Queries that are pool rows and were searched before with this k come from the cache; the rest are searched.
    /// </summary>
    public NeighbourTable Find(IReadOnlyList<int> queryPositions, int k, bool farthest = false)
    {
        var rowOfPosition = RowOfPosition();
        var self = new int[queryPositions.Count];
        for (var i = 0; i < self.Length; i++) self[i] = rowOfPosition[queryPositions[i]];
        k = Math.Min(k, Count - (Array.Exists(self, s => s >= 0) ? 1 : 0));
        var table = _cached is null ? Search(queryPositions, self, k, farthest) : FindCached(_cached, queryPositions, self, k, farthest);
        for (var i = 0; i < table.Indices.Length; i++) table.Indices[i] = _positions[table.Indices[i]];
        return table;
    }

    private NeighbourTable FindCached(CachedPool pool, IReadOnlyList<int> queryPositions, int[] self, int k, bool farthest)
    {
        var cache = _context.Options.Neighbours!;
        var table = new NeighbourTable(self.Length, k);
        var missing = cache.Recall(pool, farthest, self, table);
        _context.ReusedNeighbours(self.Length - missing.Count);
        if (missing.Count == self.Length)
        {
            table = Search(queryPositions, self, k, farthest);
            cache.Remember(pool, farthest, self, table);
            return table;
        }
        if (missing.Count == 0) return table;
        var missingSelf = missing.Select(q => self[q]).ToArray();
        var searched = Search(missing.Select(q => queryPositions[q]).ToArray(), missingSelf, k, farthest);
        cache.Remember(pool, farthest, missingSelf, searched);
        for (var i = 0; i < missing.Count; i++)
        {
            searched.Row(i).CopyTo(table.Indices.AsSpan(missing[i] * k, k));
            searched.DistancesOf(i).CopyTo(table.SquaredDistances.AsSpan(missing[i] * k, k));
        }
        return table;
    }

    /// <summary>
    /// A brute-force search; results index pool rows. Queries that are pool rows are read from the pool's own matrix;
    /// when they are every pool row (SMOTE once most rows are drawn, Tomek links, ENN), each distance is computed once for both rows.
    /// </summary>
    private NeighbourTable Search(IReadOnlyList<int> queryPositions, int[] self, int k, bool farthest)
    {
        _context.SearchedNeighbours(self.Length);
        if (!Array.TrueForAll(self, s => s >= 0))
        {
            return NeighbourSearch.Find(Matrix, NeighbourMatrix.Build(_context.Work, queryPositions), null, self, k, farthest, _context.Cancellation);
        }
        if (farthest || k == 0 || !SelfNeighbourSearch.Applies(Matrix) || !IsEveryPoolRow(self))
        {
            return NeighbourSearch.Find(Matrix, Matrix, self, self, k, farthest, _context.Cancellation);
        }
        var everyRow = SelfNeighbourSearch.Find(Matrix, k, _context.Cancellation);
        var table = new NeighbourTable(self.Length, k);
        for (var i = 0; i < self.Length; i++)
        {
            everyRow.Row(self[i]).CopyTo(table.Indices.AsSpan(i * k, k));
            everyRow.DistancesOf(self[i]).CopyTo(table.SquaredDistances.AsSpan(i * k, k));
        }
        return table;
    }

    private bool IsEveryPoolRow(int[] poolRows)
    {
        if (poolRows.Length != Count) return false;
        var seen = new bool[Count];
        foreach (var row in poolRows)
        {
            if (seen[row]) return false;
            seen[row] = true;
        }
        return true;
    }

    /// <summary>Per working-set position, its pool row, or -1.</summary>
    private int[] RowOfPosition()
    {
        if (_rowOfPosition is not null) return _rowOfPosition;
        var rows = new int[_context.Work.Count];
        Array.Fill(rows, -1);
        for (var r = 0; r < _positions.Length; r++) rows[_positions[r]] = r;
        return _rowOfPosition = rows;
    }

    /// <summary>The real data-set rows at these positions, or null when any is synthetic (such a pool is not cached: its rows exist only in this call).</summary>
    private static int[]? RealRows(WorkingSet work, int[] positions)
    {
        var rows = new int[positions.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if ((rows[i] = work.EntryAt(positions[i])) < 0) return null;
        }
        return rows;
    }
}
