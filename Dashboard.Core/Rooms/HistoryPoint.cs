using System.Text.Json.Serialization;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One algorithm's result at one slider position: the history chart plots these, so moving a slider
/// draws how the distribution change affects each model.
/// </summary>
/// <param name="SliderId">The slider that moved last (null for the baseline).</param>
/// <param name="Position">That slider's focus-group share of the training rows after resampling.</param>
public sealed record HistoryPoint(
    string RunId,
    string AlgorithmId,
    string? SliderId,
    string SliderLabel,
    double Position,
    BinaryMetrics? Metrics,
    bool Leaky)
{
    /// <summary>For a numeric target: R², the errors and the rare-value errors (then <see cref="Metrics"/> is null).</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>The run's number in its room: 1, 2, 3… in the order runs first reported, never renumbered.</summary>
    public int RunNumber { get; init; }

    /// <summary>Every slider away from neutral in this run, with the share it reached ("gender = female 40.0% · class 'yes' 45.0%").</summary>
    public string Settings { get; init; } = "";

    /// <summary>
    /// For a point of the class-balance track: which side the run came from (majority undersampled, or minority
    /// oversampled); <see cref="Position"/> is then the minority's share. Null for other sliders and the baseline.
    /// </summary>
    public Resampling.ClassBalanceSide? Side { get; init; }

    /// <summary>The run's test scores and labels, kept in process so the point follows its card's threshold; never pushed.</summary>
    [JsonIgnore]
    public (IReadOnlyList<double> Scores, IReadOnlyList<int> Labels)? Predictions { get; init; }

    /// <summary>The point with its metrics at another threshold (itself when its scores are not kept).</summary>
    public HistoryPoint AtThreshold(double threshold) =>
        Predictions is not { } p || Metrics is null || Metrics.Threshold == threshold
            ? this
            : this with { Metrics = new ScoredPredictions(p.Labels.ToArray(), p.Scores.ToArray()).MetricsAt(threshold) };
}
