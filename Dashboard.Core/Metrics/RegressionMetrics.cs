using Dashboard.Core.Data;

namespace Dashboard.Core.Metrics;

/// <summary>
/// A regressor's predictions on the test rows, summarised with scikit-learn's definitions: R² (the
/// headline, like F1 for classes) and the errors on every row, and the same errors on the rows whose true
/// value is rare (relevance at least the threshold), since the lesson is what resampling does to the rare range.
/// </summary>
/// <param name="R2">
/// Coefficient of determination: 1 − Σ(y − ŷ)² / Σ(y − ȳ)². 1 is perfect, 0 is as good as predicting the
/// mean of the true values, below 0 is worse. As scikit-learn (force_finite): 1 for a constant target
/// predicted exactly, 0 for a constant target missed; NaN with fewer than two rows.
/// </param>
/// <param name="All">The errors on every test row.</param>
/// <param name="Rare">The errors on the test rows whose true value is rare; null when no relevance function was given.</param>
public sealed record RegressionMetrics(double R2, RegressionErrors All, RegressionErrors? Rare)
{
    /// <summary>Scores predictions against true values; <paramref name="relevance"/> picks the rare rows.</summary>
    public static RegressionMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, RelevanceFunction? relevance)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} true values but {predicted.Count} predictions.", nameof(predicted));
        }
        var rare = relevance is null ? null : RegressionErrors.Of(actual, predicted, i => relevance.IsRare(actual[i]));
        return new RegressionMetrics(R2Score(actual, predicted), RegressionErrors.Of(actual, predicted), rare);
    }

    /// <summary>scikit-learn's r2_score with its default force_finite = True.</summary>
    public static double R2Score(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        var n = actual.Count;
        if (n < 2) return double.NaN;
        var mean = actual.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        if (total == 0) return residual == 0 ? 1 : 0;
        return 1 - residual / total;
    }
}
