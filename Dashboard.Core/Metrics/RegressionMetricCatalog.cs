namespace Dashboard.Core.Metrics;

/// <summary>
/// What each <see cref="RegressionMetricId"/> is, how it reads and which way is better, in one place: the card's table,
/// the history chart's picker, the runs table and the exports take their names and values from here.
/// </summary>
public static class RegressionMetricCatalog
{
    /// <summary>Every number, R² first (the headline), then the errors on every test row, then on the rare ones.</summary>
    public static IReadOnlyList<RegressionMetricInfo> All { get; } =
    [
        new(RegressionMetricId.R2, "R²", "1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is perfect, 0 is as good as predicting the mean, below 0 is worse.", true),
        new(RegressionMetricId.Mae, "MAE", "Mean absolute error on every test row, in the target's unit.", false),
        new(RegressionMetricId.Rmse, "RMSE", "Root mean squared error on every test row: large misses weigh more than in MAE.", false),
        new(RegressionMetricId.MedianAe, "Median AE", "Median absolute error on every test row: robust to a few huge misses.", false),
        new(RegressionMetricId.RareMae, "Rare-range MAE", "Mean absolute error on the test rows whose true value is rare (relevance at least the threshold, 0.5 by default): what resampling is for.", false),
        new(RegressionMetricId.RareRmse, "Rare-range RMSE", "Root mean squared error on the test rows whose true value is rare.", false),
    ];

    public static RegressionMetricInfo Get(RegressionMetricId id) => All.First(i => i.Id == id);

    /// <summary>The number, or null when it is not defined (R² with fewer than two rows; rare-range errors with no rare test row).</summary>
    public static double? Value(RegressionMetrics metrics, RegressionMetricId id)
    {
        var value = id switch
        {
            RegressionMetricId.R2 => metrics.R2,
            RegressionMetricId.Mae => metrics.All.MeanAbsoluteError,
            RegressionMetricId.Rmse => metrics.All.RootMeanSquaredError,
            RegressionMetricId.MedianAe => metrics.All.MedianAbsoluteError,
            RegressionMetricId.RareMae => metrics.Rare is { Count: > 0 } rare ? rare.MeanAbsoluteError : double.NaN,
            RegressionMetricId.RareRmse => metrics.Rare is { Count: > 0 } rare ? rare.RootMeanSquaredError : double.NaN,
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Not a known regression metric."),
        };
        return double.IsFinite(value) ? value : null;
    }
}
