using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// The node arrays of a classification tree while it grows (node 0 is the root, children are appended), which both
/// growers fill the same way whatever order they split in; <see cref="ToTree"/> freezes them into a <see cref="DecisionTree"/>.
/// </summary>
internal sealed class GrowingTree(BinnedFeatures features)
{
    private readonly List<int> _feature = [];
    private readonly List<byte> _splitBin = [];
    private readonly List<float> _threshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _value = [];
    private readonly List<double> _cover = [];
    private readonly List<double> _gain = [];

    /// <summary>
    /// Adds a leaf over rows of total weight <paramref name="weight"/> whose weighted targets sum to <paramref name="sum"/>
    /// (for a classifier: the weight of its positive rows); returns its node number.
    /// </summary>
    public int AddLeaf(double sum, double weight)
    {
        _feature.Add(-1);
        _splitBin.Add(0);
        _threshold.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(weight > 0 ? sum / weight : 0);
        _cover.Add(weight);
        _gain.Add(0);
        return _feature.Count - 1;
    }

    /// <summary>Turns a leaf into a split on "bin &lt;= <paramref name="bin"/>" of <paramref name="feature"/> with two new leaves.</summary>
    /// <returns>The node numbers of the left (bin at or below) and right children.</returns>
    public (int Left, int Right) Split(int node, int feature, int bin, double gain, (double Sum, double Weight) left, (double Sum, double Weight) right)
    {
        _feature[node] = feature;
        _splitBin[node] = (byte)bin;
        _threshold[node] = features.Edge(feature, bin);
        _gain[node] = gain;
        _left[node] = AddLeaf(left.Sum, left.Weight);
        _right[node] = AddLeaf(right.Sum, right.Weight);
        return (_left[node], _right[node]);
    }

    public DecisionTree ToTree() =>
        new([.. _feature], [.. _splitBin], [.. _threshold], [.. _left], [.. _right], [.. _value], [.. _cover], [.. _gain]);

    /// <summary>The weights of the positive and of the negative rows at <paramref name="order"/>[start..end) (positions into a tree's rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs for every split, from the first fit on
    public static (double Positive, double Negative) Totals(int[] order, int start, int end, int[] labelAt, double[] weights)
    {
        double positive = 0, negative = 0;
        for (var i = start; i < end; i++)
        {
            var at = order[i];
            if (labelAt[at] == 1) positive += weights[at];
            else negative += weights[at];
        }
        return (positive, negative);
    }
}
