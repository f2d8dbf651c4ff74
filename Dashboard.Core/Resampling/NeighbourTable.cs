namespace Dashboard.Core.Resampling;

/// <summary>The k nearest (or farthest) rows of each query, nearest first, with their squared distances.</summary>
internal sealed class NeighbourTable
{
    public NeighbourTable(int queries, int k)
    {
        Count = queries;
        K = k;
        Indices = new int[queries * k];
        SquaredDistances = new float[queries * k];
    }

    public int Count { get; }

    public int K { get; }

    /// <summary>Row indices (into the searched matrix, or working-set positions once a pool has mapped them).</summary>
    public int[] Indices { get; }

    public float[] SquaredDistances { get; }

    public ReadOnlySpan<int> Row(int query) => Indices.AsSpan(query * K, K);

    public ReadOnlySpan<float> DistancesOf(int query) => SquaredDistances.AsSpan(query * K, K);
}
