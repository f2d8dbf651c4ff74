using System.Runtime.CompilerServices;
using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// Grows a CART classification tree as scikit-learn's DecisionTreeClassifier does (weighted Gini, best split per
/// node, depth-first, a random subset of features per node when asked), on binned features. Written here rather than
/// taken from ML.NET: its trees are regression trees inside a boosting or bagging trainer that draws its own rows,
/// so neither a per-tree balanced sample nor AdaBoost's per-round row weights can be handed to them one tree at a time.
/// </summary>
internal static class TreeGrower
{
    // The split search below runs millions of times per fit. AggressiveOptimization compiles it fully optimized at
    // once: under tiered compilation a slider move's first few fits ran its loops as unoptimized tier-0 code, twice as slow.
    private const double Tolerance = 1e-12;

    /// <param name="features">The binned training matrix.</param>
    /// <param name="labels">1 or 0 for every row of <paramref name="features"/>.</param>
    /// <param name="rows">The rows this tree learns from; a row drawn twice appears twice.</param>
    /// <param name="weights">One weight per entry of <paramref name="rows"/> (class weights, boosting weights).</param>
    /// <param name="sparse">The same bins row by row (<see cref="SparseRowBins"/> of <paramref name="features"/>): when given, every
    /// feature is tried at every node and the weights are whole numbers, large nodes fill their histograms from each row's
    /// few uncommon bins (the same tree, found faster).</param>
    public static DecisionTree Grow(BinnedFeatures features, IReadOnlyList<int> labels, int[] rows, double[] weights,
        TreeOptions options, SeededRandom random, SparseRowBins? sparse = null)
    {
        if (rows.Length == 0) throw new ArgumentException("A tree needs at least one training row.", nameof(rows));
        var state = new GrowState(features, labels, rows, weights, options, random, sparse);
        state.Grow();
        return state.ToTree();
    }

    private sealed class GrowState(BinnedFeatures features, IReadOnlyList<int> labels, int[] rows, double[] weights,
        TreeOptions options, SeededRandom random, SparseRowBins? sparse)
    {
        // Below this many rows a node's pass per feature is cheaper than visiting every bin of the flat histogram.
        private const int SparseFromRows = 48;
        private readonly int[] _order = Enumerable.Range(0, rows.Length).ToArray(); // positions into rows, partitioned per node
        // Each position's label, read once: the histogram loop below runs for every node and feature.
        private readonly int[] _labelAt = Array.ConvertAll(rows, r => labels[r] == 1 ? 1 : 0);
        private readonly int[] _touched = new int[BinnedFeatures.MaxBins];
        private int _touchedCount;
        // The drawn rows' bins, column by column and in position order, gathered lazily per feature: the passes over a
        // node read one short array instead of looking each row up in the full training matrix.
        private readonly byte[]?[] _local = new byte[features.Columns][];
        private readonly int[] _featureOrder = Enumerable.Range(0, features.Columns).ToArray();
        // Weight per (bin, label) at [2 * bin + label]: indexed by the label rather than branching on it, since the
        // labels of a node's rows come in no order a branch predictor could learn.
        private readonly double[] _weight = new double[2 * BinnedFeatures.MaxBins];
        private readonly int[] _count = new int[BinnedFeatures.MaxBins];
        private readonly GrowingTree _tree = new(features);
        // Row-wise histograms give a column's common bin as the node's totals minus its other bins. With whole-number
        // weights (a bootstrap's copies, no class weights) every such sum is exact, so the tree is the very one the pass
        // per feature grows; fractional weights would round differently and could tip near-ties between splits.
        private readonly bool _rowWise = sparse is not null && Array.TrueForAll(weights, w => w == Math.Floor(w) && w < 1e15);
        // A large node's histogram over every feature's bins at once, laid out as sparse.Offset; all zero between nodes.
        private readonly double[] _flatWeight = new double[2 * (sparse?.Offset[^1] ?? 0)];
        private readonly int[] _flatCount = new int[sparse?.Offset[^1] ?? 0];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Grow()
        {
            var (positive, negative) = Totals(0, _order.Length);
            var pending = new Stack<(int Node, int Start, int End, int Depth, double Positive, double Negative, ulong[] Constant)>();
            pending.Push((_tree.AddLeaf(positive, positive + negative), 0, _order.Length, 0, positive, negative, new ulong[(features.Columns + 63) / 64]));
            while (pending.Count > 0)
            {
                var (node, start, end, depth, p, n, inherited) = pending.Pop();
                if (depth >= options.MaxDepth || end - start < 2 * options.MinRowsPerLeaf || p <= 0 || n <= 0) continue;
                // A feature constant in a node is constant in all its descendants: they skip it without a pass over their rows
                // (as scikit-learn's splitter does), which changes no split, since it would be found constant again.
                var constant = (ulong[])inherited.Clone();
                if (BestSplit(start, end, p, n, constant) is not { } split) continue;
                var middle = Partition(start, end, split.Feature, split.Bin);
                var (leftPositive, leftNegative) = Totals(start, middle);
                var (rightPositive, rightNegative) = (p - leftPositive, n - leftNegative);
                var (left, right) = _tree.Split(node, split.Feature, split.Bin, split.Gain,
                    (leftPositive, leftPositive + leftNegative), (rightPositive, rightPositive + rightNegative));
                // Right pushed first so the left subtree is grown first, as depth-first scikit-learn numbers its nodes.
                pending.Push((right, middle, end, depth + 1, rightPositive, rightNegative, constant));
                pending.Push((left, start, middle, depth + 1, leftPositive, leftNegative, constant));
            }
        }

        public DecisionTree ToTree() => _tree.ToTree();

        private (double Positive, double Negative) Totals(int start, int end) => GrowingTree.Totals(_order, start, end, _labelAt, weights);

        /// <summary>
        /// The split with the largest Gini decrease over the features drawn for this node. As scikit-learn, features
        /// constant in the node do not count toward the quota, so deep nodes still try that many useful features.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int Feature, int Bin, double Gain)? BestSplit(int start, int end, double positive, double negative, ulong[] constant)
        {
            var quota = options.FeaturesPerSplit is > 0 and var q && q < features.Columns ? q : features.Columns;
            var parentProxy = (positive * positive + negative * negative) / (positive + negative);
            (int Feature, int Bin, double Gain)? best = null;
            var bestProxy = double.NegativeInfinity;
            if (_rowWise && quota == features.Columns && end - start >= SparseFromRows)
            {
                FillFlat(start, end);
                for (var feature = 0; feature < features.Columns; feature++)
                {
                    // The same features in the same order as the pass below takes them when it tries all: the same tree.
                    if (FromFlat(feature, end - start, positive, negative, skip: (constant[feature >> 6] & (1UL << feature)) != 0)) continue;
                    if (_touchedCount > 1) Scan(start, end, positive, negative, feature, parentProxy, ref best, ref bestProxy);
                    else constant[feature >> 6] |= 1UL << feature;
                    ClearTouched();
                }
                return best;
            }
            var tried = 0;
            for (var drawn = 0; drawn < features.Columns && tried < quota; drawn++)
            {
                // Partial Fisher-Yates: the next feature in a fresh random order, one draw per feature looked at.
                var pick = drawn + (quota < features.Columns ? random.NextInt(features.Columns - drawn) : 0);
                (_featureOrder[drawn], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[drawn]);
                var feature = _featureOrder[drawn];
                if ((constant[feature >> 6] & (1UL << feature)) != 0) continue;
                var column = Local(feature);
                // The histograms are all zero here; only the bins this node's rows fall in are filled, visited and reset,
                // so a small node deep in a tree costs its rows, not the column's 256 bins.
                _touchedCount = 0;
                for (var i = start; i < end; i++)
                {
                    var at = _order[i];
                    var bin = column[at];
                    if (_count[bin]++ == 0) _touched[_touchedCount++] = bin;
                    _weight[2 * bin + _labelAt[at]] += weights[at];
                }
                if (_touchedCount > 1)
                {
                    tried++;
                    SortTouched();
                    Scan(start, end, positive, negative, feature, parentProxy, ref best, ref bestProxy);
                }
                else
                {
                    constant[feature >> 6] |= 1UL << feature;
                }
                ClearTouched();
            }
            return best;
        }

        private void ClearTouched()
        {
            for (var t = 0; t < _touchedCount; t++)
            {
                var bin = _touched[t];
                (_weight[2 * bin], _weight[2 * bin + 1], _count[bin]) = (0, 0, 0);
            }
        }

        /// <summary>Every feature's histogram of the node at once, from each row's uncommon bins (the common bins follow from the totals).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void FillFlat(int start, int end)
        {
            var (weight, count) = (_flatWeight, _flatCount);
            for (var i = start; i < end; i++)
            {
                var at = _order[i];
                var (w, label) = (weights[at], _labelAt[at]);
                foreach (var bin in sparse!.Uncommon(rows[at]))
                {
                    weight[2 * bin + label] += w;
                    count[bin]++;
                }
            }
        }

        /// <summary>
        /// Moves one feature's bins from the flat histogram (clearing them there) into the per-feature one the scan reads,
        /// its common bin being the node's totals minus the listed bins; false when <paramref name="skip"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool FromFlat(int feature, int rowCount, double positive, double negative, bool skip)
        {
            var (from, to) = (sparse!.Offset[feature], sparse.Offset[feature + 1]);
            var (weight, count) = (_flatWeight, _flatCount);
            if (!skip)
            {
                double listedNegative = 0, listedPositive = 0;
                var listedRows = 0;
                for (var bin = from; bin < to; bin++)
                {
                    (listedNegative, listedPositive, listedRows) = (listedNegative + weight[2 * bin], listedPositive + weight[2 * bin + 1], listedRows + count[bin]);
                }
                var common = from + sparse.Common[feature];
                (weight[2 * common], weight[2 * common + 1], count[common]) = (negative - listedNegative, positive - listedPositive, rowCount - listedRows);
                _touchedCount = 0;
                for (var bin = from; bin < to; bin++)
                {
                    if (count[bin] == 0) continue;
                    var local = bin - from;
                    _touched[_touchedCount++] = local;
                    (_weight[2 * local], _weight[2 * local + 1], _count[local]) = (weight[2 * bin], weight[2 * bin + 1], count[bin]);
                }
            }
            Array.Clear(weight, 2 * from, 2 * (to - from));
            Array.Clear(count, from, to - from);
            return skip;
        }

        /// <summary>Puts the occupied bins in order: a sort for a few, one pass over their range (at most 256 bins) for many.</summary>
        private void SortTouched()
        {
            if (_touchedCount <= 16)
            {
                Array.Sort(_touched, 0, _touchedCount);
                return;
            }
            int low = int.MaxValue, high = -1;
            for (var t = 0; t < _touchedCount; t++) (low, high) = (Math.Min(low, _touched[t]), Math.Max(high, _touched[t]));
            _touchedCount = 0;
            for (var bin = low; bin <= high; bin++)
            {
                if (_count[bin] > 0) _touched[_touchedCount++] = bin;
            }
        }

        /// <summary>Tries every cut between two of the node's occupied bins of one feature, keeping the best so far.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Scan(int start, int end, double positive, double negative, int feature, double parentProxy,
            ref (int Feature, int Bin, double Gain)? best, ref double bestProxy)
        {
            double leftPositive = 0, leftNegative = 0;
            var leftCount = 0;
            for (var t = 0; t + 1 < _touchedCount; t++)
            {
                var bin = _touched[t];
                leftPositive += _weight[2 * bin + 1];
                leftNegative += _weight[2 * bin];
                leftCount += _count[bin];
                var rightCount = end - start - leftCount;
                if (leftCount < options.MinRowsPerLeaf || rightCount < options.MinRowsPerLeaf) continue;
                var leftWeight = leftPositive + leftNegative;
                var rightPositive = positive - leftPositive;
                var rightNegative = negative - leftNegative;
                var rightWeight = rightPositive + rightNegative;
                if (leftWeight <= 0 || rightWeight <= 0) continue;
                // Maximising this minimises the children's weighted Gini impurity.
                var proxy = (leftPositive * leftPositive + leftNegative * leftNegative) / leftWeight
                    + (rightPositive * rightPositive + rightNegative * rightNegative) / rightWeight;
                if (proxy > bestProxy + Tolerance)
                {
                    bestProxy = proxy;
                    best = (feature, bin, proxy - parentProxy);
                }
            }
        }

        private byte[] Local(int feature)
        {
            if (_local[feature] is { } gathered) return gathered;
            var column = features.Column(feature);
            var local = new byte[rows.Length];
            for (var at = 0; at < rows.Length; at++) local[at] = column[rows[at]];
            return _local[feature] = local;
        }

        /// <summary>Moves the node's rows with bin at or below <paramref name="bin"/> to the front; returns where the right side starts.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Partition(int start, int end, int feature, int bin)
        {
            var column = Local(feature);
            var middle = start;
            for (var i = start; i < end; i++)
            {
                if (column[_order[i]] <= bin)
                {
                    (_order[i], _order[middle]) = (_order[middle], _order[i]);
                    middle++;
                }
            }
            return middle;
        }
    }
}
