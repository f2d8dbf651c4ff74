using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>The loop the balanced random forest and balanced bagging share: draw a sample, grow a tree on it, repeat.</summary>
internal static class BaggedTrees
{
    /// <param name="draw">The rows (data indices, repeats allowed) one tree learns from, given all training rows.</param>
    /// <param name="purpose">Names the random streams: tree t draws from its own stream, so its sample never depends on another tree's.</param>
    public static TreeEnsembleClassifier Fit(TrainingInput input, string purpose, int trees, TreeOptions options,
        Func<IReadOnlyList<int>, SeededRandom, int[]> draw, CancellationToken cancellationToken)
    {
        BalancedSample.RequireBothClasses(input.Labels, purpose);
        var binned = BinnedFeatures.Create(input.Features);
        var all = Enumerable.Range(0, input.Features.Rows).ToArray();
        var classWeights = input.ClassWeight.WeightsFor(input.Labels);
        var grown = new DecisionTree[trees];
        for (var t = 0; t < trees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = SeededRandom.For(input.Seed, $"{purpose}.{t}");
            var rows = draw(all, random);
            grown[t] = TreeGrower.Grow(binned, input.Labels, rows, BalancedSample.ClassWeights(rows, input.Labels, classWeights), options, random);
        }
        return new TreeEnsembleClassifier(grown, input.Features.Columns);
    }
}
