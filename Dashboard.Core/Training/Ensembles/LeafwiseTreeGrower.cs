using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// Grows the classification trees of a random forest leaf by leaf up to a number of leaves (scikit-learn's best-first
/// growth under max_leaf_nodes, and ML.NET FastForest's "leaves per tree"): of all the current leaves, the one whose
/// best split lowers the weighted Gini impurity most is split next. Split search reads histograms of binned features
/// (<see cref="BinHistogram"/>), filled from the rows of the smaller child only; <see cref="TreeGrower"/> instead
/// grows depth-first and counts a node's rows anew for every feature, which suits its small balanced samples.
/// One grower serves the trees of one fit in turn and reuses its histograms.
/// </summary>
internal sealed class LeafwiseTreeGrower(SparseRowBins data)
{
    private const double Tolerance = 1e-12;

    private readonly Stack<BinHistogram> _spare = new();

    /// <param name="labels">1 or 0 for every row of the matrix.</param>
    /// <param name="rows">The distinct rows this tree learns from.</param>
    /// <param name="weights">One weight per entry of <paramref name="rows"/> (times drawn, times its class weight).</param>
    /// <param name="features">The columns this tree may split on.</param>
    /// <param name="maxLeaves">The tree stops growing at this many leaves, or earlier when no leaf can be split.</param>
    /// <param name="minRowsPerLeaf">Each side of a split keeps at least this many distinct rows.</param>
    public DecisionTree Grow(IReadOnlyList<int> labels, int[] rows, double[] weights, int[] features, int maxLeaves, int minRowsPerLeaf)
    {
        if (rows.Length == 0) throw new ArgumentException("A tree needs at least one training row.", nameof(rows));
        var tree = new Growth(data, Array.ConvertAll(rows, r => labels[r] == 1 ? 1 : 0), rows, weights, features, minRowsPerLeaf, this);
        tree.Grow(maxLeaves);
        return tree.ToTree();
    }

    private BinHistogram Rent() => _spare.TryPop(out var histogram) ? histogram : new BinHistogram(data.Offset[^1]);

    private void Return(BinHistogram? histogram)
    {
        if (histogram is not null) _spare.Push(histogram);
    }

    /// <summary>A leaf that may still be split: its rows are <c>order[Start..End)</c>.</summary>
    private sealed class Leaf(int node, int start, int end, double positive, double negative)
    {
        public int Node { get; } = node;
        public int Start { get; } = start;
        public int End { get; } = end;
        public double Positive { get; } = positive;
        public double Negative { get; } = negative;
        public BinHistogram? Histogram { get; set; }
        public Cut? Best { get; set; }
    }

    /// <summary>Rows whose bin of <paramref name="Feature"/> is at or below <paramref name="Bin"/> (the column's own numbering) go left.</summary>
    private readonly record struct Cut(int Feature, int Bin, double Gain);

    private sealed class Growth(SparseRowBins data, int[] labelAt, int[] rows, double[] weights, int[] features, int minRowsPerLeaf,
        LeafwiseTreeGrower owner)
    {
        private readonly int[] _order = Enumerable.Range(0, rows.Length).ToArray(); // positions into rows, partitioned per leaf
        private readonly GrowingTree _tree = new(data.Binned);

        public void Grow(int maxLeaves)
        {
            var (positive, negative) = Totals(0, _order.Length);
            var root = new Leaf(_tree.AddLeaf(positive, negative), 0, _order.Length, positive, negative);
            var leaves = new List<Leaf> { root };
            if (CanSplit(root))
            {
                root.Histogram = owner.Rent();
                root.Histogram.Fill(data, _order, 0, _order.Length, rows, weights, labelAt, positive, negative);
                Evaluate(root);
            }
            while (leaves.Count < maxLeaves && Next(leaves) is { } index)
            {
                var (left, right) = Split(leaves[index]);
                // The left child takes the parent's place in the list, the right one goes last: the order only
                // settles ties between leaves, the same way on every run.
                leaves[index] = left;
                leaves.Add(right);
            }
            foreach (var leaf in leaves) owner.Return(leaf.Histogram);
        }

        public DecisionTree ToTree() => _tree.ToTree();

        /// <summary>The leaf whose best split gains most (the first on a tie), or null when no leaf can be split.</summary>
        private static int? Next(List<Leaf> leaves)
        {
            int? best = null;
            for (var i = 0; i < leaves.Count; i++)
            {
                if (leaves[i].Best is { } cut && (best is null || cut.Gain > leaves[best.Value].Best!.Value.Gain)) best = i;
            }
            return best;
        }

        private bool CanSplit(Leaf leaf) => leaf.End - leaf.Start >= 2 * minRowsPerLeaf && leaf.Positive > 0 && leaf.Negative > 0;

        private (Leaf Left, Leaf Right) Split(Leaf parent)
        {
            var cut = parent.Best!.Value;
            var middle = Partition(parent.Start, parent.End, cut.Feature, cut.Bin);
            var (leftPositive, leftNegative) = Totals(parent.Start, middle);
            var (rightPositive, rightNegative) = Totals(middle, parent.End);
            var (leftNode, rightNode) = _tree.Split(parent.Node, cut.Feature, cut.Bin, cut.Gain, (leftPositive, leftNegative), (rightPositive, rightNegative));
            var left = new Leaf(leftNode, parent.Start, middle, leftPositive, leftNegative);
            var right = new Leaf(rightNode, middle, parent.End, rightPositive, rightNegative);

            // Only a child that may split needs a histogram; the smaller one is filled from its rows and the
            // parent's becomes the larger one's by subtraction.
            var histogram = parent.Histogram!;
            parent.Histogram = null;
            var (small, large) = middle - parent.Start <= parent.End - middle ? (left, right) : (right, left);
            if (CanSplit(large))
            {
                var filled = owner.Rent();
                filled.Fill(data, _order, small.Start, small.End, rows, weights, labelAt, small.Positive, small.Negative);
                histogram.Subtract(filled);
                (large.Histogram, small.Histogram) = (histogram, filled);
            }
            else if (CanSplit(small))
            {
                histogram.Fill(data, _order, small.Start, small.End, rows, weights, labelAt, small.Positive, small.Negative);
                small.Histogram = histogram;
            }
            else
            {
                owner.Return(histogram);
            }
            foreach (var child in new[] { left, right })
            {
                if (child.Histogram is null) continue;
                if (CanSplit(child)) Evaluate(child);
                if (child.Best is not null) continue;
                owner.Return(child.Histogram);
                child.Histogram = null;
            }
            return (left, right);
        }

        /// <summary>The cut with the largest Gini decrease over this tree's features, leaving at least the minimum rows each side.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Evaluate(Leaf leaf)
        {
            var (positive, negative, rowCount) = (leaf.Positive, leaf.Negative, leaf.End - leaf.Start);
            var (weight, count) = (leaf.Histogram!.Weight, leaf.Histogram.Count);
            var parentProxy = (positive * positive + negative * negative) / (positive + negative);
            var bestProxy = double.NegativeInfinity;
            Cut? best = null;
            foreach (var feature in features)
            {
                var (first, end) = (data.Offset[feature], data.Offset[feature + 1]);
                double leftPositive = 0, leftNegative = 0;
                var leftCount = 0;
                for (var bin = first; bin + 1 < end; bin++)
                {
                    if (count[bin] == 0) continue; // the same cut as the last occupied bin's
                    leftCount += count[bin];
                    leftNegative += weight[2 * bin];
                    leftPositive += weight[2 * bin + 1];
                    if (leftCount < minRowsPerLeaf) continue;
                    if (rowCount - leftCount < minRowsPerLeaf) break;
                    var (rightPositive, rightNegative) = (positive - leftPositive, negative - leftNegative);
                    var (leftWeight, rightWeight) = (leftPositive + leftNegative, rightPositive + rightNegative);
                    if (leftWeight <= 0 || rightWeight <= 0) continue;
                    // Maximising this minimises the children's weighted Gini impurity.
                    var proxy = (leftPositive * leftPositive + leftNegative * leftNegative) / leftWeight
                        + (rightPositive * rightPositive + rightNegative * rightNegative) / rightWeight;
                    if (proxy > bestProxy + Tolerance)
                    {
                        bestProxy = proxy;
                        best = new Cut(feature, bin - first, proxy - parentProxy);
                    }
                }
            }
            leaf.Best = best;
        }

        private (double Positive, double Negative) Totals(int start, int end) => GrowingTree.Totals(_order, start, end, labelAt, weights);

        /// <summary>Moves the leaf's rows with bin at or below <paramref name="bin"/> to the front; returns where the right side starts.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Partition(int start, int end, int feature, int bin)
        {
            var column = data.Binned.Column(feature);
            var middle = start;
            for (var i = start; i < end; i++)
            {
                if (column[rows[_order[i]]] <= bin)
                {
                    (_order[i], _order[middle]) = (_order[middle], _order[i]);
                    middle++;
                }
            }
            return middle;
        }
    }
}
