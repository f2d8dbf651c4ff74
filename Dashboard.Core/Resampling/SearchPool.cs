using System.Globalization;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The rows a neighbour search looks in, as a matrix: every row of a pool, or, above
/// <see cref="ResamplingOptions.ExactSearchLimit"/> rows, a seeded random sample of it (reported).
/// Results come back as working-set positions.
/// </summary>
internal sealed class SearchPool
{
    private readonly ChangeContext _context;
    private readonly int[] _positions;
    private readonly Dictionary<int, int> _rowOfPosition;

    private SearchPool(ChangeContext context, int[] positions)
    {
        _context = context;
        _positions = positions;
        _rowOfPosition = new Dictionary<int, int>(positions.Length);
        for (var r = 0; r < positions.Length; r++) _rowOfPosition[positions[r]] = r;
        Matrix = NeighbourMatrix.Build(context.Work, positions);
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
            return new SearchPool(context, [.. positions]);
        }
        var sample = context.Random($"sample/{what}").SampleWithoutReplacement(positions.Count, limit);
        Array.Sort(sample); // keep working-set order, so ties still go to the earlier row
        context.Searched(NeighbourSearchKind.Sampled);
        context.Warn(ResamplingWarningKind.SampledNeighbours, string.Create(CultureInfo.InvariantCulture,
            $"Neighbours in {what} were searched in a random sample of {limit:N0} of its {positions.Count:N0} rows, to keep the slider responsive."));
        return new SearchPool(context, sample.Select(i => positions[i]).ToArray());
    }

    /// <summary>The k nearest (or farthest) pool rows of each query position, as positions; a query never finds itself.</summary>
    public NeighbourTable Find(IReadOnlyList<int> queryPositions, int k, bool farthest = false)
    {
        var self = queryPositions.Select(p => _rowOfPosition.GetValueOrDefault(p, -1)).ToArray();
        var queries = NeighbourMatrix.Build(_context.Work, queryPositions);
        var available = Count - (self.Any(s => s >= 0) ? 1 : 0);
        var table = NeighbourSearch.Find(Matrix, queries, self, Math.Min(k, available), farthest, _context.Cancellation);
        for (var i = 0; i < table.Indices.Length; i++) table.Indices[i] = _positions[table.Indices[i]];
        return table;
    }
}
