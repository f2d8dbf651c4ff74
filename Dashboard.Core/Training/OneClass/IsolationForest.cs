using Dashboard.Core.Common;

namespace Dashboard.Core.Training.OneClass;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou 2008), as scikit-learn's IsolationForest: each tree splits a subsample of
/// the normal rows at random (a random feature, a cut uniform between its smallest and largest value in the node)
/// until every row stands alone or the depth limit log2(subsample) is reached. Unusual rows are isolated after few
/// cuts; the score 2^(-mean path length / c(subsample)) is near 1 for them and below 0.5 for ordinary rows.
/// Written here: ML.NET has no isolation forest.
/// </summary>
internal sealed class IsolationForest
{
    private const double EulerGamma = 0.5772156649015329;

    private readonly IReadOnlyList<Tree> _trees;
    private readonly double _normalizer;

    private IsolationForest(IReadOnlyList<Tree> trees, int subsample)
    {
        _trees = trees;
        _normalizer = AveragePathLength(subsample);
    }

    public static IsolationForest Fit(FeatureMatrix rows, int trees, int subsample, int seed, CancellationToken cancellationToken)
    {
        var size = Math.Min(subsample, rows.Rows);
        var maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(size, 2)));
        var grown = new Tree[trees];
        for (var t = 0; t < trees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = SeededRandom.For(seed, $"isolation-forest.{t}");
            grown[t] = Tree.Grow(rows, random.SampleWithoutReplacement(rows.Rows, size), maxDepth, random);
        }
        return new IsolationForest(grown, size);
    }

    /// <summary>scikit-learn's anomaly score (the negative of its score_samples): in (0, 1], higher is more unusual.</summary>
    public double[] Scores(FeatureMatrix rows)
    {
        var scores = new double[rows.Rows];
        for (var r = 0; r < rows.Rows; r++)
        {
            var row = rows.Row(r);
            var depth = 0.0;
            foreach (var tree in _trees) depth += tree.PathLength(row);
            scores[r] = Math.Pow(2, -depth / _trees.Count / _normalizer);
        }
        return scores;
    }

    /// <summary>c(n): the average path length of an unsuccessful search in a binary search tree of n rows.</summary>
    internal static double AveragePathLength(int n) => n switch
    {
        <= 1 => 0,
        2 => 1,
        _ => 2 * (Math.Log(n - 1) + EulerGamma) - 2.0 * (n - 1) / n,
    };

    private sealed class Tree
    {
        private readonly List<int> _feature = [];
        private readonly List<float> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<int> _size = [];

        public static Tree Grow(FeatureMatrix rows, int[] sample, int maxDepth, SeededRandom random)
        {
            var tree = new Tree();
            tree.Split(rows, sample, maxDepth, 0, random);
            return tree;
        }

        /// <summary>Edges from the root to the row's leaf, plus c(rows left in that leaf) for the isolation still to come.</summary>
        public double PathLength(ReadOnlySpan<float> row)
        {
            int node = 0, depth = 0;
            while (_feature[node] >= 0)
            {
                node = row[_feature[node]] < _threshold[node] ? _left[node] : _right[node];
                depth++;
            }
            return depth + AveragePathLength(_size[node]);
        }

        private int Split(FeatureMatrix rows, int[] members, int maxDepth, int depth, SeededRandom random)
        {
            var node = _feature.Count;
            _feature.Add(-1);
            _threshold.Add(0);
            _left.Add(-1);
            _right.Add(-1);
            _size.Add(members.Length);
            if (depth >= maxDepth || members.Length <= 1) return node;
            // A random feature that is not constant here (scikit-learn draws again past constant ones); none left: a leaf.
            var order = random.SampleWithoutReplacement(rows.Columns, rows.Columns);
            foreach (var feature in order)
            {
                float low = float.MaxValue, high = float.MinValue;
                foreach (var m in members)
                {
                    var v = rows.Values[m * rows.Columns + feature];
                    low = Math.Min(low, v);
                    high = Math.Max(high, v);
                }
                if (!(high > low)) continue;
                var cut = (float)(low + random.NextDouble() * (high - low));
                if (cut <= low) cut = high; // rounding: keep both sides non-empty
                var left = members.Where(m => rows.Values[m * rows.Columns + feature] < cut).ToArray();
                var right = members.Where(m => rows.Values[m * rows.Columns + feature] >= cut).ToArray();
                _feature[node] = feature;
                _threshold[node] = cut;
                _left[node] = Split(rows, left, maxDepth, depth + 1, random);
                _right[node] = Split(rows, right, maxDepth, depth + 1, random);
                return node;
            }
            return node;
        }
    }
}
