using Dashboard.Core.Training.Algorithms;

namespace Dashboard.Core.Training;

/// <summary>Every algorithm the product offers: the four defaults (in run order), then the extras.</summary>
public static class AlgorithmCatalog
{
    /// <summary>Gradient boosting, random forest, SVM, MLP: the four seats of the course.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Defaults { get; } =
        [LightGbmAlgorithm.Descriptor, RandomForestAlgorithm.Descriptor, LinearSvmAlgorithm.Descriptor, MlpAlgorithm.Descriptor];

    /// <summary>
    /// The same four seats for a numeric target (regression), with the same ids: LightGBM regression, random-forest
    /// regression, a linear support vector regressor, and the MLP with a linear output.
    /// </summary>
    public static IReadOnlyList<AlgorithmDescriptor> RegressionDefaults { get; } =
        [LightGbmRegression.Descriptor, RandomForestRegression.Descriptor, LinearSvrAlgorithm.Descriptor, MlpRegression.Descriptor];

    /// <summary>FastTree and logistic regression, then the imbalance-aware ensembles and the one-class detectors (issue 15).</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Extras { get; } =
    [
        FastTreeAlgorithm.Descriptor, LogisticAlgorithm.Descriptor,
        BalancedRandomForestAlgorithm.Descriptor, BalancedBaggingAlgorithm.Descriptor, EasyEnsembleAlgorithm.Descriptor, RusBoostAlgorithm.Descriptor,
        IsolationForestAlgorithm.Descriptor, PcaAnomalyAlgorithm.Descriptor,
    ];

    public static IReadOnlyList<AlgorithmDescriptor> All { get; } = [.. Defaults, .. Extras];

    /// <summary>The seats for a task: the four classifiers, or the four regressors.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> DefaultsFor(Data.TargetTask task) => task == Data.TargetTask.Regression ? RegressionDefaults : Defaults;

    /// <summary>The algorithm with this id that does the task (a seat's classifier and regressor share an id).</summary>
    public static AlgorithmDescriptor Get(string id, Data.TargetTask task)
    {
        if (task == Data.TargetTask.Classification) return Get(id);
        return RegressionDefaults.FirstOrDefault(a => a.Id == id)
            ?? throw new ArgumentException($"There is no regressor '{id}'. Choose from: {string.Join(", ", RegressionDefaults.Select(a => a.Id))}.", nameof(id));
    }

    public static AlgorithmDescriptor Get(string id) =>
        All.FirstOrDefault(a => a.Id == id)
        ?? throw new ArgumentException($"There is no algorithm '{id}'. Choose from: {string.Join(", ", All.Select(a => a.Id))}.", nameof(id));
}
