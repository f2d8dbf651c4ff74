namespace Dashboard.Core.Explanations;

/// <summary>
/// One tree of an additive model as TreeSHAP reads it: node arrays, node 0 the root, a row goes left when its value
/// is at or below the node's threshold; a leaf (feature -1) holds its share of the model's output.
/// </summary>
internal sealed record ExplainedTree(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] LeafValue)
{
    public int LeafOf(ReadOnlySpan<float> row)
    {
        var node = 0;
        while (Feature[node] >= 0) node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return node;
    }
}
