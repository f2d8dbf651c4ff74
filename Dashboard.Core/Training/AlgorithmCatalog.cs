using Dashboard.Core.Training.Algorithms;

namespace Dashboard.Core.Training;

/// <summary>Every algorithm the product offers: the four defaults (in run order), then the extras.</summary>
public static class AlgorithmCatalog
{
    /// <summary>Gradient boosting, random forest, SVM, MLP: the four seats of the course.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Defaults { get; } =
        [LightGbmAlgorithm.Descriptor, FastForestAlgorithm.Descriptor, LinearSvmAlgorithm.Descriptor, MlpAlgorithm.Descriptor];

    /// <summary>FastTree and logistic regression, then the imbalance-aware ensembles and the one-class detectors (issue 15).</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Extras { get; } =
    [
        FastTreeAlgorithm.Descriptor, LogisticAlgorithm.Descriptor,
        BalancedRandomForestAlgorithm.Descriptor, BalancedBaggingAlgorithm.Descriptor, EasyEnsembleAlgorithm.Descriptor, RusBoostAlgorithm.Descriptor,
        IsolationForestAlgorithm.Descriptor, PcaAnomalyAlgorithm.Descriptor,
    ];

    public static IReadOnlyList<AlgorithmDescriptor> All { get; } = [.. Defaults, .. Extras];

    public static AlgorithmDescriptor Get(string id) =>
        All.FirstOrDefault(a => a.Id == id)
        ?? throw new ArgumentException($"There is no algorithm '{id}'. Choose from: {string.Join(", ", All.Select(a => a.Id))}.", nameof(id));
}
