using Dashboard.Core.Training;

namespace Dashboard.Core.Explanations;

/// <summary>
/// Exact interventional TreeSHAP (Lundberg et al. 2020, the "independent" algorithm of the shap library): for one
/// background row z, the game v(S) = f(x with the features outside S taken from z) is a sum over the leaves x and z
/// can reach between them. A leaf reached by taking x's side at the features A (where x and z part ways) and z's side
/// at B is worth its value when A ⊆ S and S misses B, whose Shapley values are closed-form:
/// value · (|A|−1)!·|B|! / (|A|+|B|)! for each feature of A and −value · |A|!·(|B|−1)! / (|A|+|B|)! for each of B.
/// Averaged over the background rows. Needs no node counts, which ML.NET's trees do not expose.
/// </summary>
internal static class InterventionalTreeShap
{
    private const int MaxPath = 128;

    private static readonly double[] Factorials = Enumerable.Range(0, MaxPath + 1)
        .Select(n => Enumerable.Range(1, n).Aggregate(1.0, (product, k) => product * k)).ToArray();

    /// <summary>Per feature slot, its Shapley value for <paramref name="row"/>, and the base value (mean output over the background).</summary>
    public static (double[] Slots, double BaseValue) Explain(AdditiveTrees model, ReadOnlySpan<float> row, FeatureMatrix background)
    {
        var phi = new double[background.Columns];
        var baseValue = 0.0;
        var x = row.ToArray();
        var inX = new List<int>();
        var inZ = new List<int>();
        for (var b = 0; b < background.Rows; b++)
        {
            var z = background.Row(b).ToArray();
            baseValue += model.Value(z);
            foreach (var tree in model.Trees) Walk(tree, 0, x, z, inX, inZ, phi);
        }
        for (var i = 0; i < phi.Length; i++) phi[i] /= background.Rows;
        return (phi, baseValue / background.Rows);
    }

    private static void Walk(ExplainedTree tree, int node, float[] x, float[] z, List<int> inX, List<int> inZ, double[] phi)
    {
        var feature = tree.Feature[node];
        if (feature < 0)
        {
            Credit(tree.LeafValue[node], inX, inZ, phi);
            return;
        }
        var threshold = tree.Threshold[node];
        var xChild = x[feature] <= threshold ? tree.Left[node] : tree.Right[node];
        var zChild = z[feature] <= threshold ? tree.Left[node] : tree.Right[node];
        if (xChild == zChild)
        {
            Walk(tree, xChild, x, z, inX, inZ, phi);
            return;
        }
        // x's side needs the feature in S; z's side needs it out. A feature already bound one way cannot take the other.
        if (!inZ.Contains(feature))
        {
            var added = !inX.Contains(feature);
            if (added) inX.Add(feature);
            Walk(tree, xChild, x, z, inX, inZ, phi);
            if (added) inX.RemoveAt(inX.Count - 1);
        }
        if (!inX.Contains(feature))
        {
            var added = !inZ.Contains(feature);
            if (added) inZ.Add(feature);
            Walk(tree, zChild, x, z, inX, inZ, phi);
            if (added) inZ.RemoveAt(inZ.Count - 1);
        }
    }

    private static void Credit(double value, List<int> inX, List<int> inZ, double[] phi)
    {
        var (a, b) = (inX.Count, inZ.Count);
        if (a + b == 0 || value == 0) return;
        if (a + b > MaxPath) throw new InvalidOperationException($"A tree path splits on more than {MaxPath} different features; TreeSHAP cannot weigh it.");
        var total = Factorials[a + b];
        if (a > 0)
        {
            var share = value * Factorials[a - 1] * Factorials[b] / total;
            foreach (var i in inX) phi[i] += share;
        }
        if (b > 0)
        {
            var share = value * Factorials[a] * Factorials[b - 1] / total;
            foreach (var i in inZ) phi[i] -= share;
        }
    }
}
