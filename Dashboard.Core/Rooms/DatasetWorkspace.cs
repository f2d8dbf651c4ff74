using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>A data set made ready for runs: loaded, labeled, split and featurized once, with its profile and column rankings.</summary>
/// <param name="Importance">Permutation importance on the test rows: the ranking the default sliders come from.</param>
/// <param name="ImportanceModel">The algorithm both rankings come from.</param>
/// <param name="TreeGains">The same model's split gains per column (training rows): the quick preview; empty if it has none.</param>
public sealed record DatasetWorkspace(
    string Title,
    string? Credit,
    FeaturizedSplit Split,
    DatasetProfile Profile,
    IReadOnlyList<ColumnImportance> Importance,
    string ImportanceModel,
    IReadOnlyList<ColumnGain> TreeGains)
{
    /// <summary>
    /// Neighbour lists for this data set and split, shared by every slider move of the rooms on it, so a move
    /// searches only rows no earlier move has searched. A room that picks another data set or split gets another
    /// workspace, and this one goes with the workspace when the server's workspace cache drops it.
    /// </summary>
    public NeighbourCache Neighbours { get; } = new();

    /// <summary>
    /// The one way a labeled data set becomes rows to train on, for rooms and command-line verbs alike: the fixed
    /// stratified split (by seed) every run of it uses, and the featurizer fitted on its training rows.
    /// </summary>
    public static FeaturizedSplit SplitAndFeaturize(LabeledDataset labeled, double testShare, int seed) =>
        FeaturizedSplit.Create(labeled, StratifiedSplitter.Split(labeled.SplitLabels, testShare, seed));

    /// <summary>
    /// Splits (stratified, by seed), featurizes and ranks a labeled data set: what a room needs before its
    /// first run. The columns are ranked with the gradient-boosting seat's baseline model (its classifier, or its
    /// regressor for a numeric target): fast, and it uses every column.
    /// </summary>
    public static DatasetWorkspace Prepare(LabeledDataset labeled, double testShare, int seed, string title, string? credit,
        CancellationToken cancellationToken = default)
    {
        var split = SplitAndFeaturize(labeled, testShare, seed);
        var ranker = AlgorithmCatalog.DefaultsFor(labeled.Task)[0];
        var train = split.TrainingMatrix(split.Split.TrainRows);
        IReadOnlyList<ColumnImportance> importance;
        object model;
        if (ranker.Regress is { } regress)
        {
            // Ranked by the drop in R² when a column is shuffled (docs/regression.md).
            var regressor = regress(new RegressionInput(train, split.TrainingTargets(split.Split.TrainRows, null)!, HyperparameterValues.Defaults, seed),
                cancellationToken);
            importance = PermutationImportance.Compute(regressor, split, seed: seed, cancellationToken: cancellationToken);
            model = regressor;
        }
        else
        {
            var classifier = ranker.Train(new TrainingInput(train, TrainingRows.Baseline(labeled, split.Split).Labels, HyperparameterValues.Defaults, ClassWeighting.None, seed), cancellationToken);
            importance = PermutationImportance.Compute(classifier, split, seed: seed, cancellationToken: cancellationToken);
            model = classifier;
        }
        var gains = model is ITreeGains trees ? TreeGainRanking.Rank(trees, split.Featurizer) : [];
        return new DatasetWorkspace(title, credit, split, DatasetProfiler.Profile(labeled.Data, labeled), importance, ranker.DisplayName, gains);
    }

    /// <summary>Classification or regression: what the seats train and the cards show.</summary>
    public TargetTask Task => Split.Data.Task;
}
