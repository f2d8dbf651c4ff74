using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// The loop the balanced random forest and balanced bagging share: draw a sample, grow a tree on it, repeat.
/// "Min rows per leaf" counts distinct rows, as scikit-learn's min_samples_leaf does under a bootstrap.
/// </summary>
internal static class BaggedTrees
{
    /// <param name="draw">The rows (data indices, repeats allowed) one tree learns from, given all training rows.</param>
    /// <param name="purpose">Names the random streams: tree t draws from its own stream, so its sample never depends on another tree's.</param>
    public static TreeEnsembleClassifier Fit(TrainingInput input, string purpose, int trees, TreeOptions options,
        Func<IReadOnlyList<int>, SeededRandom, int[]> draw, CancellationToken cancellationToken)
    {
        BalancedSample.RequireBothClasses(input.Labels, purpose);
        var binned = BinnedFeatures.Create(input.Features);
        // Trees that try every feature at every node (balanced bagging) fill large nodes' histograms row by row.
        var sparse = options.FeaturesPerSplit <= 0 ? SparseRowBins.Create(binned) : null;
        var all = Enumerable.Range(0, input.Features.Rows).ToArray();
        var classWeights = input.ClassWeight.WeightsFor(input.Labels);
        var grown = new DecisionTree[trees];
        for (var t = 0; t < trees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = SeededRandom.For(input.Seed, $"{purpose}.{t}");
            // A row drawn k times enters once with k times its weight, as scikit-learn's forests turn a bootstrap into
            // sample weights: the same Gini sums over about 37 % fewer entries.
            var (rows, copies) = BalancedSample.Distinct(draw(all, random));
            var weights = BalancedSample.ClassWeights(rows, input.Labels, classWeights);
            for (var i = 0; i < weights.Length; i++) weights[i] *= copies[i];
            grown[t] = TreeGrower.Grow(binned, input.Labels, rows, weights, options, random, sparse);
        }
        return new TreeEnsembleClassifier(grown, input.Features.Columns);
    }
}
