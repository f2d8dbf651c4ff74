using Dashboard.Core.Common;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;

namespace Dashboard.Core.Training;

/// <summary>
/// Chooses an algorithm's decision threshold for a metric (F1 by default) without looking at the test rows.
/// A stratified validation slice (<see cref="ValidationShare"/>) is held out of the training rows; the rest is
/// featurized, resampled by the same slider changes and trained on exactly as a run would be; the threshold that
/// maximises the metric on the validation slice is the choice. It is then applied to the model trained on all
/// training rows, as scikit-learn's TunedThresholdClassifierCV does after its cross-validation. The validation rows
/// are real rows only and are never resampled, so no synthetic copy of them is trained on.
/// </summary>
public static class ValidationThreshold
{
    /// <summary>The share of the training rows held out to choose the threshold on.</summary>
    public const double ValidationShare = 0.2;

    /// <exception cref="ArgumentException">The metric does not depend on the threshold (ROC AUC, PR AUC).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ValidationThresholdResult Find(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes, AlgorithmSettings settings,
        MetricId metric, int seed, CancellationToken cancellationToken)
    {
        if (!MetricCatalog.Get(metric).DependsOnThreshold)
        {
            throw new ArgumentException($"{MetricCatalog.Get(metric).DisplayName} does not depend on the threshold, so it cannot choose one; pick F1, F2, MCC or another threshold metric.", nameof(metric));
        }
        var (scores, validationRows, fitRows) = ValidationScores(split, changes, settings, seed, cancellationToken);
        return new ValidationThresholdResult(settings.Algorithm.Id, scores.BestThreshold(metric), validationRows, fitRows);
    }

    /// <summary>
    /// The threshold with the lowest expected cost per row on the validation slice, for the room's costs: the
    /// cost-sensitive choice, next to the theoretical <see cref="CostMatrix.TheoreticalThreshold"/> that only a
    /// calibrated model can use as it is.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ValidationCostThresholdResult FindLowestCost(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes,
        AlgorithmSettings settings, CostMatrix costs, int seed, CancellationToken cancellationToken)
    {
        var (scores, validationRows, fitRows) = ValidationScores(split, changes, settings, seed, cancellationToken);
        return new ValidationCostThresholdResult(settings.Algorithm.Id, scores.LowestCostThreshold(costs), validationRows, fitRows);
    }

    /// <summary>The validation slice scored by a model trained, as a run would train it, on the rest of the training rows.</summary>
    private static (ScoredPredictions Scores, int ValidationRows, int FitRows) ValidationScores(FeaturizedSplit split,
        IReadOnlyList<DistributionChange> changes, AlgorithmSettings settings, int seed, CancellationToken cancellationToken)
    {
        var inner = InnerSplit(split, seed);
        var innerFeaturized = FeaturizedSplit.Create(split.Data, inner);
        var prepared = RunPreparation.Prepare(innerFeaturized, changes, seed, leaky: false, cancellationToken: cancellationToken);
        var input = new TrainingInput(prepared.Data.Train, prepared.Data.TrainLabels, settings.Hyperparameters, settings.ClassWeight, seed);
        var model = settings.Algorithm.Train(input, cancellationToken);
        var scores = model.PredictProbabilities(prepared.Data.Test).Select(s => (double)s).ToArray();
        return (new ScoredPredictions(prepared.Data.TestLabels.ToArray(), scores), inner.TestRows.Count, prepared.Data.Train.Rows);
    }

    /// <summary>The training rows split again, stratified: (rows to fit on, validation rows), both as data-set row indices.</summary>
    internal static DataSplit InnerSplit(FeaturizedSplit split, int seed)
    {
        var trainRows = split.Split.TrainRows;
        var labels = trainRows.Select(r => split.Data.Labels[r]).ToArray();
        // A seed of its own, so the slice does not mirror the outer split made with the same seed.
        var innerSeed = SeededRandom.For(seed, "threshold.validation").NextInt(int.MaxValue);
        var positions = StratifiedSplitter.Split(labels, ValidationShare, innerSeed);
        return new DataSplit(positions.TrainRows.Select(p => trainRows[p]).ToArray(), positions.TestRows.Select(p => trainRows[p]).ToArray(),
            innerSeed, ValidationShare);
    }
}

/// <summary>A threshold chosen on validation rows for one algorithm.</summary>
/// <param name="Choice">The threshold and the metric's value on the validation rows (optimistic for new rows).</param>
/// <param name="ValidationRows">Real training rows held out to choose on.</param>
/// <param name="FitRows">Rows the validation model trained on, after the slider changes.</param>
public sealed record ValidationThresholdResult(string AlgorithmId, ThresholdChoice Choice, int ValidationRows, int FitRows);
