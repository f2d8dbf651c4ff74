using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Components;

/// <summary>
/// Algorithm results built the way the Muller loop builds them (ScoredPredictions over test labels
/// and scores), so the numbers the components show come from the real metric code.
/// </summary>
internal static class TestResults
{
    /// <summary>12 test rows, 4 positive: at 0.5, TP 3, FN 1, FP 2, TN 6.</summary>
    public static readonly int[] Labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

    public static readonly double[] GoodScores = [0.9, 0.8, 0.6, 0.3, 0.7, 0.55, 0.4, 0.35, 0.2, 0.15, 0.1, 0.05];

    public static readonly double[] WeakScores = [0.8, 0.45, 0.4, 0.2, 0.6, 0.7, 0.5, 0.3, 0.35, 0.1, 0.25, 0.05];

    public static AlgorithmResult Completed(string algorithmId, double[] scores, double threshold = 0.5, int[]? labels = null,
        HyperparameterValues? hyperparameters = null, ClassWeighting? classWeight = null)
    {
        var algorithm = AlgorithmCatalog.All.FirstOrDefault(a => a.Id == algorithmId);
        var predictions = new ScoredPredictions(labels ?? Labels, scores);
        return new AlgorithmResult(algorithmId, algorithm?.DisplayName ?? algorithmId, AlgorithmStatus.Completed,
            hyperparameters ?? HyperparameterValues.Defaults, classWeight ?? ClassWeighting.None, TrainingRows: 36,
            predictions.MetricsAt(threshold), scores, labels ?? Labels, predictions.RocCurve(), predictions.PrecisionRecallCurve(),
            predictions.SensitivitySpecificityCurve(MetricsCalculator.UniformThresholds(11)),
            new StageTimings(0.01, 0.42, 0.02));
    }

    public static AlgorithmResult Failed(string algorithmId, string error) =>
        new(algorithmId, AlgorithmCatalog.Get(algorithmId).DisplayName, AlgorithmStatus.Failed, HyperparameterValues.Defaults,
            ClassWeighting.None, 36, null, [], [], [], [], [], new StageTimings(0.01, 0.1, 0), error);

    /// <summary>Six house prices, two of them rare (at or above 300,000 by <see cref="Relevance"/>).</summary>
    public static readonly double[] Prices = [100_000, 150_000, 180_000, 220_000, 320_000, 450_000];

    /// <summary>Relevance 0 up to 200,000 and 1 from 400,000 (rare from 300,000, the curve's midpoint).</summary>
    public static readonly Dashboard.Core.Data.RelevanceFunction Relevance =
        new([new(200_000, 0, 0), new(400_000, 1, 0)]);

    /// <summary>A regressor's result as the loop builds it: its predictions of <see cref="Prices"/>, scored by the real regression metrics.</summary>
    public static AlgorithmResult Regressed(string algorithmId, double[] predictions) =>
        new(algorithmId, AlgorithmCatalog.Get(algorithmId, Dashboard.Core.Data.TargetTask.Regression).DisplayName, AlgorithmStatus.Completed,
            HyperparameterValues.Defaults, ClassWeighting.None, TrainingRows: 36, null, [], [0, 0, 0, 0, 1, 1], [], [], [], new StageTimings(0.01, 0.42, 0.02))
        {
            Regression = RegressionMetrics.Compute(Prices, predictions, Relevance),
            TestPredictions = predictions,
            TestTargets = Prices,
        };

    public static BinaryMetrics MetricsAt(double[] scores, double threshold) => new ScoredPredictions(Labels, scores).MetricsAt(threshold);
}
