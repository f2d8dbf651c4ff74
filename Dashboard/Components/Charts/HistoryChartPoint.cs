using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Components.Charts;

/// <summary>
/// One algorithm's result in one run, placed at the slider position the run was made at: the
/// history chart draws these as "metric against slider position", one line per algorithm.
/// </summary>
/// <param name="X">The slider position, e.g. the focus group's share of the training rows (0.4).</param>
/// <param name="XLabel">How the position reads in a hover, e.g. "female 40.0% of training rows".</param>
/// <param name="Metrics">The run's defined metrics; an undefined one is absent (and not drawn).</param>
/// <param name="Leaky">True for a run made in leaky mode (resampled before the split): drawn with its own marker.</param>
public sealed record HistoryChartPoint(
    string AlgorithmId,
    string AlgorithmName,
    double X,
    string XLabel,
    IReadOnlyDictionary<MetricId, double> Metrics,
    bool Leaky = false)
{
    /// <summary>
    /// Which of its algorithm's lines the point is on: on the class-balance track "undersampling the majority" or
    /// "SMOTE on the minority" (the baseline is on both); null for the algorithm's one line.
    /// </summary>
    public string? Line { get; init; }

    /// <summary>The expected cost per test row at the card's threshold for the room's costs; null when not known.</summary>
    public double? ExpectedCost { get; init; }

    /// <summary>
    /// The largest gaps between the groups of the room's sensitive column at the card's threshold (equal-opportunity:
    /// recall; demographic-parity: selection rate); null when not known for this point (no sensitive column, no kept
    /// test scores, a leaky run, or no group with a positive row for the recall gap).
    /// </summary>
    public double? EqualOpportunityGap { get; init; }

    /// <inheritdoc cref="EqualOpportunityGap"/>
    public double? DemographicParityGap { get; init; }

    /// <summary>For a numeric target: the run's R² and errors (then <see cref="Metrics"/> is empty).</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>The point of a completed result at a slider position; null for a failed one.</summary>
    public static HistoryChartPoint? From(AlgorithmResult result, double x, string xLabel, bool leaky = false)
    {
        if (result.Metrics is not { } metrics || result.Status != AlgorithmStatus.Completed) return null;
        var values = MetricCatalog.All.Where(m => metrics.IsDefined(m.Id)).ToDictionary(m => m.Id, m => metrics.Get(m.Id));
        return new HistoryChartPoint(result.AlgorithmId, result.DisplayName, x, xLabel, values, leaky);
    }
}
