using System.Text.Json.Serialization;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Training;

/// <summary>
/// What one algorithm produced in a run, scored on the untouched test rows: metrics at the threshold,
/// the test scores (so any other threshold is recomputed without retraining), curves and timings.
/// Test labels travel with the scores (1 = positive) so any client can recompute a threshold.
/// A failed algorithm has <see cref="Error"/> and no metrics; the others carry on.
/// </summary>
public sealed record AlgorithmResult(
    string AlgorithmId,
    string DisplayName,
    AlgorithmStatus Status,
    HyperparameterValues Hyperparameters,
    ClassWeighting ClassWeight,
    int TrainingRows,
    BinaryMetrics? Metrics,
    IReadOnlyList<double> TestScores,
    IReadOnlyList<int> TestLabels,
    IReadOnlyList<RocPoint> RocCurve,
    IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve,
    IReadOnlyList<SensitivitySpecificityPoint> SensitivitySpecificityCurve,
    StageTimings Timings,
    string? Error = null)
{
    /// <summary>
    /// The same result with its metrics at another threshold, recomputed from the stored test scores
    /// (no retraining); itself when the threshold is the same or there are no metrics.
    /// </summary>
    public AlgorithmResult AtThreshold(double threshold) =>
        Metrics is null || Metrics.Threshold == threshold || TestScores.Count != TestLabels.Count || TestScores.Count == 0
            ? this
            : this with { Metrics = new ScoredPredictions(TestLabels.ToArray(), TestScores.ToArray()).MetricsAt(threshold) };

    /// <summary>Trained for this run, or taken from the server's cache of earlier identical fits (the card says so).</summary>
    public ResultOrigin Origin { get; init; } = ResultOrigin.Trained;

    /// <summary>The trained model, for permutation importance in-process; never serialized or pushed.</summary>
    [JsonIgnore]
    public IBinaryClassifier? Model { get; init; }

    /// <summary>For a numeric target (regression): R², the errors and the rare-value errors; then <see cref="Metrics"/> is null.</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>For regression, the predicted value of every test row (in test-row order); empty for classification.</summary>
    public IReadOnlyList<double> TestPredictions { get; init; } = [];

    /// <summary>For regression, the true value of every test row, beside <see cref="TestPredictions"/>.</summary>
    public IReadOnlyList<double> TestTargets { get; init; } = [];

    /// <summary>The trained regressor, for permutation importance in-process; never serialized or pushed.</summary>
    [JsonIgnore]
    public IRegressor? Regressor { get; init; }
}
