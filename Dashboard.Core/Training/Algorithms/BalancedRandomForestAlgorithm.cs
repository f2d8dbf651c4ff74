using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Balanced random forest (Chen, Liaw and Breiman 2004), as imbalanced-learn's BalancedRandomForestClassifier:
/// each tree is grown on a bootstrap of a balanced sample (every minority row and as many majority rows, drawn
/// afresh per tree), fully, trying the square root of the features at each split; the probabilities are averaged.
/// Own trees (<see cref="TreeGrower"/>): ML.NET's FastForest bags rows uniformly inside one trainer and cannot be
/// given a different balanced sample for each tree.
/// </summary>
internal static class BalancedRandomForestAlgorithm
{
    private static readonly HyperparameterSpec Trees = new("trees", "Trees", HyperparameterKind.Integer, 10, 500, 100,
        "How many trees vote, each on its own balanced sample: more trees give steadier scores and take longer.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "balanced-random-forest", "Balanced random forest", "imbalance-aware ensemble", [Trees, TreeHyperparameters.MaxDepth, TreeHyperparameters.MinRowsPerLeaf], Train,
        Caption: "Balances the classes again inside: each tree sees every minority row and as many majority rows, drawn afresh.")
    {
        Kind = AlgorithmKind.BalancingEnsemble,
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var options = TreeHyperparameters.Options(hp, TreeOptions.SquareRootOf(input.Features.Columns));
        return BaggedTrees.Fit(input, "balanced-random-forest", hp.GetInt(Trees), options, (all, random) =>
        {
            var balanced = BalancedSample.Undersample(all, input.Labels, random);
            return BalancedSample.Bootstrap(balanced, balanced.Length, random);
        }, cancellationToken);
    }
}
