namespace Dashboard.Core.Metrics;

/// <summary>
/// How far a regressor's predictions are from the true values on a set of rows, with scikit-learn's
/// definitions (e = y − ŷ per row, n rows). Every value is in the target's own unit except MAPE.
/// With no rows every error is 0 and <see cref="Count"/> says so.
/// </summary>
/// <param name="Count">Rows the errors are taken over.</param>
/// <param name="MeanAbsoluteError">MAE: Σ|e| / n.</param>
/// <param name="RootMeanSquaredError">RMSE: sqrt(Σe² / n); weighs large misses more than MAE.</param>
/// <param name="MedianAbsoluteError">The median of |e| (the mean of the two middle values for even n); robust to a few huge misses.</param>
/// <param name="MeanAbsolutePercentageError">
/// MAPE as a fraction (0.1 = 10 %): Σ(|e| / max(|y|, ε)) / n with ε the double's machine epsilon, as
/// scikit-learn's mean_absolute_percentage_error. Always defined, but meaningless when some |y| is near 0.
/// </param>
/// <param name="PercentageErrorUnstable">
/// True when some true value is near zero (|y| below 10⁻⁶ of the mean |y|, or 0), where one row's
/// percentage error can outweigh all the others: show MAPE as "n/a".
/// </param>
public sealed record RegressionErrors(
    int Count,
    double MeanAbsoluteError,
    double RootMeanSquaredError,
    double MedianAbsoluteError,
    double MeanAbsolutePercentageError,
    bool PercentageErrorUnstable)
{
    /// <summary>The share of the mean |y| below which a true value counts as near zero for MAPE.</summary>
    public const double NearZeroShare = 1e-6;

    /// <summary>The errors over the rows where <paramref name="include"/> is true (every row when it is null).</summary>
    public static RegressionErrors Of(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, Func<int, bool>? include = null)
    {
        var absolute = new List<double>(actual.Count);
        double squares = 0, percentages = 0, magnitudes = 0, smallest = double.PositiveInfinity;
        for (var i = 0; i < actual.Count; i++)
        {
            if (include is not null && !include(i)) continue;
            var error = actual[i] - predicted[i];
            var magnitude = Math.Abs(actual[i]);
            absolute.Add(Math.Abs(error));
            squares += error * error;
            percentages += Math.Abs(error) / Math.Max(magnitude, MachineEpsilon);
            magnitudes += magnitude;
            smallest = Math.Min(smallest, magnitude);
        }
        var n = absolute.Count;
        if (n == 0) return new RegressionErrors(0, 0, 0, 0, 0, false);
        var unstable = smallest == 0 || smallest < NearZeroShare * magnitudes / n;
        return new RegressionErrors(n, absolute.Sum() / n, Math.Sqrt(squares / n), Median(absolute), percentages / n, unstable);
    }

    /// <summary>numpy's float64 eps (2⁻⁵²), which scikit-learn divides by instead of a zero true value.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
