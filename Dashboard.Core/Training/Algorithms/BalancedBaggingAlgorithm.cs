using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Balanced bagging, as imbalanced-learn's BalancedBaggingClassifier with its defaults: each bag is a bootstrap of
/// the training rows, undersampled at random to balance the classes, and a decision tree grown fully on it with
/// every feature; the probabilities are averaged. Own trees (<see cref="TreeGrower"/>): ML.NET has no trainer for a
/// single tree on rows chosen from outside.
/// </summary>
internal static class BalancedBaggingAlgorithm
{
    private static readonly HyperparameterSpec Bags = new("bags", "Bags", HyperparameterKind.Integer, 1, 200, 10,
        "How many balanced bags, one tree each: more bags give steadier scores and take longer.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "balanced-bagging", "Balanced bagging", "imbalance-aware ensemble", [Bags, TreeHyperparameters.MaxDepth, TreeHyperparameters.MinRowsPerLeaf], Train,
        Caption: "Balances the classes again inside: each bag is undersampled to equal classes before its tree grows.")
    {
        Kind = AlgorithmKind.BalancingEnsemble,
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var options = TreeHyperparameters.Options(hp);
        return BaggedTrees.Fit(input, "balanced-bagging", hp.GetInt(Bags), options, (all, random) =>
            BalancedSample.Undersample(BalancedSample.Bootstrap(all, all.Count, random), input.Labels, random), cancellationToken);
    }
}
