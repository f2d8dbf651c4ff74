using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// Grows the trees of a random forest leaf by leaf up to a number of leaves (scikit-learn's best-first growth under
/// max_leaf_nodes, and ML.NET FastForest's "leaves per tree"): of all the current leaves, the one whose best split
/// lowers the weighted squared error most is split next, and a leaf predicts its rows' weighted mean target. On 0/1
/// targets that is the Gini criterion (the Gini decrease is exactly twice the squared-error decrease) and the mean is
/// the share of positive rows, so one grower serves the classifier and the regressor. Split search reads histograms
/// of binned features (<see cref="BinHistogram"/>), filled from the rows of the smaller child only;
/// <see cref="TreeGrower"/> instead grows depth-first and counts a node's rows anew for every feature, which suits
/// its small balanced samples. One grower serves the trees of one fit in turn and reuses its histograms.
/// </summary>
internal sealed class LeafwiseTreeGrower(SparseRowBins data)
{
    private const double Tolerance = 1e-12;

    private readonly Stack<BinHistogram> _spare = new();

    /// <param name="targets">The target of every row of the matrix: 1 or 0 for a classifier.</param>
    /// <param name="rows">The distinct rows this tree learns from.</param>
    /// <param name="weights">One weight per entry of <paramref name="rows"/> (times drawn, times its class weight).</param>
    /// <param name="features">The columns this tree may split on.</param>
    /// <param name="maxLeaves">The tree stops growing at this many leaves, or earlier when no leaf can be split.</param>
    /// <param name="minRowsPerLeaf">Each side of a split keeps at least this many distinct rows.</param>
    /// <returns>A tree whose gains are twice the decrease of the weighted squared error: on 0/1 targets, the Gini decrease.</returns>
    public DecisionTree Grow(IReadOnlyList<double> targets, int[] rows, double[] weights, int[] features, int maxLeaves, int minRowsPerLeaf)
    {
        if (rows.Length == 0) throw new ArgumentException("A tree needs at least one training row.", nameof(rows));
        var targetAt = Array.ConvertAll(rows, r => targets[r]);
        var tree = new Growth(data, targetAt, rows, weights, features, minRowsPerLeaf, this);
        tree.Grow(maxLeaves);
        return tree.ToTree();
    }

    private BinHistogram Rent() => _spare.TryPop(out var histogram) ? histogram : new BinHistogram(data.Offset[^1]);

    private void Return(BinHistogram? histogram)
    {
        if (histogram is not null) _spare.Push(histogram);
    }

    /// <summary>A leaf that may still be split: its rows are <c>order[Start..End)</c>.</summary>
    private sealed class Leaf(int node, int start, int end, Totals totals)
    {
        public int Node { get; } = node;
        public int Start { get; } = start;
        public int End { get; } = end;
        public Totals Totals { get; } = totals;
        public BinHistogram? Histogram { get; set; }
        public Cut? Best { get; set; }
    }

    /// <summary>Rows whose bin of <paramref name="Feature"/> is at or below <paramref name="Bin"/> (the column's own numbering) go left.</summary>
    private readonly record struct Cut(int Feature, int Bin, double Gain);

    /// <summary>A leaf's rows: their weight, weighted target sum, and whether their targets differ (else no split helps).</summary>
    private readonly record struct Totals(double Weight, double Sum, bool Mixed);

    private sealed class Growth(SparseRowBins data, double[] targetAt, int[] rows, double[] weights, int[] features, int minRowsPerLeaf,
        LeafwiseTreeGrower owner)
    {
        private readonly int[] _order = Enumerable.Range(0, rows.Length).ToArray(); // positions into rows, partitioned per leaf
        private readonly double[] _weighted = weights.Select((w, at) => w * targetAt[at]).ToArray();
        private readonly GrowingTree _tree = new(data.Binned);

        public void Grow(int maxLeaves)
        {
            var totals = TotalsOf(0, _order.Length);
            var root = new Leaf(_tree.AddLeaf(totals.Sum, totals.Weight), 0, _order.Length, totals);
            var leaves = new List<Leaf> { root };
            if (CanSplit(root))
            {
                root.Histogram = owner.Rent();
                Fill(root.Histogram, root);
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

        private bool CanSplit(Leaf leaf) => leaf.End - leaf.Start >= 2 * minRowsPerLeaf && leaf.Totals.Mixed;

        private void Fill(BinHistogram histogram, Leaf leaf) =>
            histogram.Fill(data, _order, leaf.Start, leaf.End, rows, weights, _weighted, leaf.Totals.Weight, leaf.Totals.Sum);

        private (Leaf Left, Leaf Right) Split(Leaf parent)
        {
            var cut = parent.Best!.Value;
            var middle = Partition(parent.Start, parent.End, cut.Feature, cut.Bin);
            var (leftTotals, rightTotals) = (TotalsOf(parent.Start, middle), TotalsOf(middle, parent.End));
            var (leftNode, rightNode) = _tree.Split(parent.Node, cut.Feature, cut.Bin, cut.Gain,
                (leftTotals.Sum, leftTotals.Weight), (rightTotals.Sum, rightTotals.Weight));
            var left = new Leaf(leftNode, parent.Start, middle, leftTotals);
            var right = new Leaf(rightNode, middle, parent.End, rightTotals);

            // Only a child that may split needs a histogram; the smaller one is filled from its rows and the
            // parent's becomes the larger one's by subtraction.
            var histogram = parent.Histogram!;
            parent.Histogram = null;
            var (small, large) = middle - parent.Start <= parent.End - middle ? (left, right) : (right, left);
            if (CanSplit(large))
            {
                var filled = owner.Rent();
                Fill(filled, small);
                histogram.Subtract(filled);
                (large.Histogram, small.Histogram) = (histogram, filled);
            }
            else if (CanSplit(small))
            {
                Fill(histogram, small);
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

        /// <summary>
        /// The cut with the largest decrease of weighted squared error over this tree's features, leaving at least the
        /// minimum rows each side. The error of a set of rows is Σ w·y² − (Σ w·y)² / Σ w, so the cut that maximizes
        /// Σ over both sides of (Σ w·y)² / Σ w is the best, and the Σ w·y² part never needs counting.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Evaluate(Leaf leaf)
        {
            var (weight, sum, rowCount) = (leaf.Totals.Weight, leaf.Totals.Sum, leaf.End - leaf.Start);
            var (sums, count) = (leaf.Histogram!.Sums, leaf.Histogram.Count);
            var parentProxy = sum * sum / weight;
            var bestProxy = double.NegativeInfinity;
            Cut? best = null;
            foreach (var feature in features)
            {
                var (first, end) = (data.Offset[feature], data.Offset[feature + 1]);
                double leftWeight = 0, leftSum = 0;
                var leftCount = 0;
                for (var bin = first; bin + 1 < end; bin++)
                {
                    if (count[bin] == 0) continue; // the same cut as the last occupied bin's
                    leftCount += count[bin];
                    leftWeight += sums[2 * bin];
                    leftSum += sums[2 * bin + 1];
                    if (leftCount < minRowsPerLeaf) continue;
                    if (rowCount - leftCount < minRowsPerLeaf) break;
                    var rightWeight = weight - leftWeight;
                    if (leftWeight <= 0 || rightWeight <= 0) continue;
                    var rightSum = sum - leftSum;
                    var proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
                    if (proxy > bestProxy + Tolerance)
                    {
                        bestProxy = proxy;
                        best = new Cut(feature, bin - first, 2 * (proxy - parentProxy));
                    }
                }
            }
            leaf.Best = best;
        }

        /// <summary>The totals of the rows at order[start..end).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Totals TotalsOf(int start, int end)
        {
            double weight = 0, sum = 0;
            var mixed = false;
            var firstTarget = end > start ? targetAt[_order[start]] : 0;
            for (var i = start; i < end; i++)
            {
                var at = _order[i];
                weight += weights[at];
                sum += _weighted[at];
                mixed |= targetAt[at] != firstTarget;
            }
            return new Totals(weight, sum, mixed);
        }

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
