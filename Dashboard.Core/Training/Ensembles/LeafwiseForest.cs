using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// The forest loop the random-forest seat's classifier and regressor share: per tree, a bootstrap of the rows (entered
/// as row weights) and a random share of the columns, then a tree grown leaf by leaf (<see cref="LeafwiseTreeGrower"/>).
/// The rows are binned once for all the trees.
/// </summary>
internal static class LeafwiseForest
{
    /// <param name="targets">Per row, the target: 1 or 0 for a classifier.</param>
    /// <param name="rowWeights">Per row, its weight before the bootstrap (class weights); null for 1.</param>
    /// <param name="purpose">Names the random streams: tree t draws from its own, so its sample never depends on another tree's.</param>
    public static DecisionTree[] Grow(FeatureMatrix features, IReadOnlyList<double> targets, IReadOnlyList<double>? rowWeights,
        ForestOptions options, int seed, string purpose, CancellationToken cancellationToken)
    {
        var (rowCount, columns) = (features.Rows, features.Columns);
        var perTree = Math.Clamp((int)Math.Round(options.FeatureFraction * columns), 1, columns);
        var grower = new LeafwiseTreeGrower(SparseRowBins.Create(BinnedFeatures.Create(features)));
        var trees = new DecisionTree[options.Trees];
        for (var t = 0; t < trees.Length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = SeededRandom.For(seed, $"{purpose}.{t}");
            var (rows, copies) = BalancedSample.DistinctBootstrap(rowCount, random, options.MaxDrawsPerTree);
            var weights = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++) weights[i] = copies[i] * (rowWeights?[rows[i]] ?? 1.0);
            var chosen = random.SampleWithoutReplacement(columns, perTree);
            Array.Sort(chosen);
            trees[t] = grower.Grow(targets, rows, weights, chosen, options.Leaves, options.MinRowsPerLeaf);
        }
        return trees;
    }
}
