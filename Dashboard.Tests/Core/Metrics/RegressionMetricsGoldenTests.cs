using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

/// <summary>
/// RegressionMetrics against scikit-learn 1.2.1 (TestData/golden/regression_metrics.json, made by
/// tools/fixtures/make_regression_metrics_fixture.py). Values match to 1e-9, relative to the value's size
/// when it is above 1 (prices are in the hundreds of thousands, and a MAPE over a zero is about 10¹⁴).
/// </summary>
public class RegressionMetricsGoldenTests
{
    private static readonly Lazy<Fixture> Loaded = new(() => JsonSerializer.Deserialize<Fixture>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "golden", "regression_metrics.json")),
        new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);

    public static TheoryData<string> CaseNames => [.. Loaded.Value.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compute_EveryRow_MatchesSklearn(string name)
    {
        var golden = Loaded.Value.Cases.Single(c => c.Name == name);

        var metrics = RegressionMetrics.Compute(golden.YTrue, golden.YPred, relevance: null);

        Close(golden.All.R2, metrics.R2, "r2");
        Match(golden.All, metrics.All, golden.YTrue.Length);
        Assert.Null(metrics.Rare);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Of_RareRows_MatchesSklearnOnTheMaskedRows(string name)
    {
        var golden = Loaded.Value.Cases.Single(c => c.Name == name);

        var rare = RegressionErrors.Of(golden.YTrue, golden.YPred, i => golden.Rare[i]);
        var rows = Enumerable.Range(0, golden.YTrue.Length).Where(i => golden.Rare[i]).ToArray();
        var r2 = RegressionMetrics.R2Score(rows.Select(i => golden.YTrue[i]).ToArray(), rows.Select(i => golden.YPred[i]).ToArray());

        Match(golden.RareRows, rare, rows.Length);
        Close(golden.RareRows.R2, r2, "rare r2");
    }

    [Fact]
    public void Of_ZeroTrueValue_DefinedButFlagged()
    {
        var golden = Loaded.Value.Cases.Single(c => c.Name == "zero_in_true");

        var errors = RegressionErrors.Of(golden.YTrue, golden.YPred);

        Assert.True(double.IsFinite(errors.MeanAbsolutePercentageError));
        Assert.True(errors.PercentageErrorUnstable);
        Assert.False(RegressionErrors.Of(golden.YTrue, golden.YPred, i => golden.YTrue[i] != 0).PercentageErrorUnstable);
    }

    [Fact]
    public void Compute_WithRelevance_RareRowsAreTheRelevantOnes()
    {
        // 1..9 and 100: the automatic relevance makes 7.25 and above rare (see RegressionRelevanceTests).
        double[] actual = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        double[] predicted = [1, 2, 3, 4, 5, 6, 7, 7, 7, 50];

        var metrics = RegressionMetrics.Compute(actual, predicted, RelevanceFunction.Auto(actual));

        Assert.Equal(3, metrics.Rare!.Count); // 8, 9, 100
        Assert.Equal((1 + 2 + 50) / 3.0, metrics.Rare.MeanAbsoluteError, 12);
        Assert.Equal(53 / 10.0, metrics.All.MeanAbsoluteError, 12);
    }

    [Fact]
    public void Compute_LengthsDiffer_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1], null));

        Assert.Contains("2 true values but 1 predictions", error.Message);
    }

    private static void Match(Scores expected, RegressionErrors actual, int count)
    {
        Assert.Equal(count, actual.Count);
        Close(expected.Mae, actual.MeanAbsoluteError, "mae");
        Close(expected.Rmse, actual.RootMeanSquaredError, "rmse");
        Close(expected.MedianAe, actual.MedianAbsoluteError, "median_ae");
        Close(expected.Mape, actual.MeanAbsolutePercentageError, "mape");
    }

    private static void Close(double? expected, double actual, string what)
    {
        if (expected is not { } value)
        {
            Assert.True(double.IsNaN(actual), $"{what}: sklearn NaN, ours {actual:R}");
            return;
        }
        Assert.True(Math.Abs(value - actual) <= GoldenAssert.Tolerance * Math.Max(1, Math.Abs(value)), $"{what}: sklearn {value:R}, ours {actual:R}");
    }

    private sealed record Fixture(string Sklearn, IReadOnlyList<Case> Cases);

    private sealed record Case(string Name, double[] YTrue, double[] YPred, bool[] Rare, Scores All, Scores RareRows);

    private sealed record Scores(double? R2, double Mae, double Rmse, double MedianAe, double Mape);
}
