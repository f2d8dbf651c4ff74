using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

/// <summary>Comparisons against the sklearn fixture, with messages that say which value differs.</summary>
internal static class GoldenAssert
{
    /// <summary>The brief's bar: every value equals sklearn's to 1e-9.</summary>
    public const double Tolerance = 1e-9;

    public static void Close(double expected, double actual, string what) =>
        Assert.True(
            Math.Abs(expected - actual) <= Tolerance,
            $"{what}: sklearn {expected:R}, ours {actual:R}");

    /// <summary>Same length, and element by element within <see cref="Tolerance"/>.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: sklearn has {expected.Count} points, ours {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], $"{what}[{i}]");
        }
    }

    /// <summary>
    /// Every metric of one evaluation: the confusion matrix exactly, each value to 1e-9, and the
    /// undefined flags exactly as the fixture derives them from zero denominators.
    /// </summary>
    public static void MetricsMatch(GoldenMetrics.Evaluation expected, BinaryMetrics actual)
    {
        var at = $"threshold {expected.Threshold:R}";
        Assert.Equal(expected.Threshold, actual.Threshold);
        Assert.Equal(expected.Confusion.ToMatrix(), actual.Confusion);
        Assert.Equal(expected.Confusion.TruePositives + expected.Confusion.FalseNegatives, actual.SupportPositive);
        Assert.Equal(expected.Confusion.TrueNegatives + expected.Confusion.FalsePositives, actual.SupportNegative);

        foreach (var (name, value) in expected.Metrics)
        {
            var metric = Enum.Parse<MetricId>(name);
            if (value is { } sklearnValue)
            {
                // Where sklearn only warned (zero_division), it still returns its defined value, and ours must equal it.
                Close(sklearnValue, actual.Get(metric), $"{name} at {at}");
                continue;
            }
            // sklearn raised instead of returning a value. The only such case is ROC AUC with one
            // class in the labels; we return the documented 0.5 and flag it, never throw.
            Assert.Equal(MetricId.RocAuc, metric);
            Assert.Equal(0.5, actual.RocAuc);
            Assert.False(actual.IsDefined(MetricId.RocAuc), $"RocAuc at {at} must be flagged: sklearn raised '{expected.SklearnRaised[name]}'");
        }

        Assert.Equal(expected.Undefined.Order(), actual.Undefined.Select(m => m.ToString()).Order());
        Assert.All(actual.Undefined, m => Assert.False(actual.IsDefined(m)));
    }
}
