namespace Dashboard.Core.Metrics;

/// <summary>Names one number of <see cref="RegressionMetrics"/> a card, a chart or an export shows; <see cref="RegressionMetricCatalog"/> says what each means.</summary>
public enum RegressionMetricId
{
    R2,
    Mae,
    Rmse,
    MedianAe,
    RareMae,
    RareRmse,
}
