namespace Dashboard.Core.Explanations;

/// <summary>A model whose output is <see cref="Bias"/> plus the sum of its trees' leaf values: what TreeSHAP explains exactly.</summary>
/// <param name="Output">What the sum is, in the reader's words (the model's probability, or a raw score before calibration).</param>
internal sealed record AdditiveTrees(IReadOnlyList<ExplainedTree> Trees, double Bias, string Output)
{
    public double Value(ReadOnlySpan<float> row)
    {
        var sum = Bias;
        foreach (var tree in Trees) sum += tree.LeafValue[tree.LeafOf(row)];
        return sum;
    }
}
