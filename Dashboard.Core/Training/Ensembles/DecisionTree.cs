using Dashboard.Core.Explanations;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// A grown binary classification tree (or, from the random forest's regressor, a regression tree), stored as parallel
/// node arrays (node 0 is the root). Each node keeps the weighted share of positive training rows that reached it (a
/// regression tree: their weighted mean target) and their total weight (its cover), so the tree's output, the gain
/// of every split and exact per-row explanations can all be read off it.
/// </summary>
internal sealed class DecisionTree
{
    public DecisionTree(int[] feature, byte[] splitBin, float[] threshold, int[] left, int[] right, double[] value, double[] cover, double[] gain)
    {
        Feature = feature;
        SplitBin = splitBin;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
        Cover = cover;
        Gain = gain;
    }

    /// <summary>The feature slot a node splits on; -1 for a leaf.</summary>
    public int[] Feature { get; }

    /// <summary>Rows whose bin is at or below this go left (used on the binned training rows).</summary>
    public byte[] SplitBin { get; }

    /// <summary>Rows whose value is at or below this go left (used on new rows).</summary>
    public float[] Threshold { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>The weighted share of positive rows among the training rows that reached the node (a regression tree: their weighted mean target).</summary>
    public double[] Value { get; }

    /// <summary>The total weight of the training rows that reached the node.</summary>
    public double[] Cover { get; }

    /// <summary>The split's decrease of weighted Gini impurity (0 for a leaf).</summary>
    public double[] Gain { get; }

    public int NodeCount => Feature.Length;

    public bool IsLeaf(int node) => Feature[node] < 0;

    /// <summary>The positive share of the leaf a new row lands in.</summary>
    public double Predict(ReadOnlySpan<float> row)
    {
        var node = 0;
        while (Feature[node] >= 0) node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Value[node];
    }

    /// <summary>The positive share of the leaf a binned training row lands in.</summary>
    public double Predict(BinnedFeatures rows, int row)
    {
        var node = 0;
        while (Feature[node] >= 0) node = rows.Bin(row, Feature[node]) <= SplitBin[node] ? Left[node] : Right[node];
        return Value[node];
    }

    /// <summary>The tree as TreeSHAP reads it, each leaf holding <paramref name="leafValue"/> of its positive share.</summary>
    public ExplainedTree Explained(Func<double, double> leafValue) =>
        new(Feature, Threshold, Left, Right, Array.ConvertAll(Value, v => leafValue(v)));

    /// <summary>Per row, the mean over <paramref name="trees"/> of the leaf value it lands in: a forest's output.</summary>
    public static double[] Mean(IReadOnlyList<DecisionTree> trees, FeatureMatrix features)
    {
        var means = new double[features.Rows];
        for (var r = 0; r < features.Rows; r++)
        {
            var row = features.Row(r);
            var sum = 0.0;
            foreach (var tree in trees) sum += tree.Predict(row);
            means[r] = sum / trees.Count;
        }
        return means;
    }

    /// <summary>Per feature slot, the total gain of the splits on it over all <paramref name="trees"/>.</summary>
    public static double[] SlotGains(IEnumerable<DecisionTree> trees, int slots)
    {
        var gains = new double[slots];
        foreach (var tree in trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
            {
                if (tree.Feature[node] >= 0) gains[tree.Feature[node]] += tree.Gain[node];
            }
        }
        return gains;
    }
}
