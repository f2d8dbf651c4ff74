using Dashboard.Components.Charts;
using Dashboard.Core.Metrics;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

/// <summary>The regression plots: predicted vs actual (rare rows apart, their range shaded), residuals, and a regression metric's history.</summary>
public class RegressionChartTests
{
    private static readonly double[] Predicted = [110_000, 150_000, 170_000, 240_000, 300_000, 390_000];

    [Fact]
    public void PredictedActual_CommonAndRareRowsApart_DiagonalFromLowestToHighest_RareRangeShadedFromTheLowestRareValue()
    {
        var figure = PredictedActualChart.Build(TestResults.Regressed("svm", Predicted), TestResults.Relevance, "Sale_Price");

        var traces = figure.Traces.Cast<Scatter>().ToList();
        Assert.Equal(["common values (4)", "rare values (2)", "perfect prediction"], traces.Select(t => t.Name));
        Assert.Equal([320_000.0, 450_000.0], traces[1].X); // actual on x
        Assert.Equal([300_000.0, 390_000.0], traces[1].Y); // predicted on y
        Assert.Equal([100_000.0, 450_000.0], traces[2].X);
        Assert.Equal(traces[2].X, traces[2].Y);
        var band = Assert.Single(figure.Layout.Shapes);
        Assert.Equal(320_000.0, Convert.ToDouble(band.X0));
        Assert.Equal(450_000.0, Convert.ToDouble(band.X1));
        Assert.Equal("actual Sale_Price", figure.Layout.XAxis[0].Title.Text);
    }

    [Fact]
    public void Residuals_ActualMinusPredictedAgainstPredicted_ZeroLine_NoBand()
    {
        var figure = PredictedActualChart.Build(TestResults.Regressed("svm", Predicted), TestResults.Relevance, "Sale_Price", residuals: true);

        var traces = figure.Traces.Cast<Scatter>().ToList();
        Assert.Equal([300_000.0, 390_000.0], traces[1].X);
        Assert.Equal([20_000.0, 60_000.0], traces[1].Y);
        Assert.Equal([0.0, 0.0], traces[2].Y);
        Assert.True(figure.Layout.Shapes is null || figure.Layout.Shapes.Count == 0);
    }

    [Fact]
    public void ErrorByDecile_FewerThanTenRows_OneBarPerRowByTrueValue_RareBarsInThePositiveColour()
    {
        var figure = PredictedActualChart.ErrorByDecile(TestResults.Regressed("svm", Predicted), TestResults.Relevance, "Sale_Price");

        var bar = Assert.IsType<Bar>(Assert.Single(figure.Traces));
        Assert.Equal("1: ≤ 100,000", bar.X[0]);
        Assert.Equal([10_000.0, 0.0, 10_000.0, 20_000.0, 20_000.0, 60_000.0], bar.Y);
        Assert.Equal([.. Enumerable.Repeat<object>(ChartStyle.NegativeColor, 4), ChartStyle.PositiveColor, ChartStyle.PositiveColor], bar.Marker.ColorArray);
    }

    [Fact]
    public void ErrorByDecile_25Rows_TenPartsAsNumpyArraySplit()
    {
        var actual = Enumerable.Range(1, 25).Select(i => i * 1000.0).ToArray();
        var result = TestResults.Regressed("svm", Predicted) with { TestTargets = actual, TestPredictions = actual.Select(a => a + 100).ToArray() };

        var bar = (Bar)PredictedActualChart.ErrorByDecile(result, null, "y").Traces.Single();

        // 25 rows in 10 parts: five of 3 rows, then five of 2 (numpy.array_split), named by their highest true value.
        Assert.Equal(["1: ≤ 3,000", "2: ≤ 6,000", "3: ≤ 9,000", "4: ≤ 12,000", "5: ≤ 15,000", "6: ≤ 17,000", "7: ≤ 19,000", "8: ≤ 21,000", "9: ≤ 23,000", "10: ≤ 25,000"], bar.X);
        Assert.All(bar.Y, mae => Assert.Equal(100.0, (double)mae));
    }

    [Fact]
    public void RegressionHistory_ChosenMetricPerAlgorithm_PointsWithoutRegressionLeftOut()
    {
        var result = TestResults.Regressed("svm", Predicted);
        var empty = new Dictionary<MetricId, double>();
        HistoryChartPoint[] points =
        [
            new("svm", "Linear SVR", 0.5, "50%", empty) { Regression = result.Regression },
            new("svm", "Linear SVR", 0.16, "baseline", empty) { Regression = TestResults.Regressed("svm", TestResults.Prices).Regression },
            new("svm", "Linear SVR", 0.3, "classes", new Dictionary<MetricId, double> { [MetricId.F1] = 0.5 }),
        ];

        var trace = (Scatter)Assert.Single(RegressionHistoryChart.Build(RegressionMetricId.RareMae, points, "rare share").Traces);

        Assert.Equal([0.16, 0.5], trace.X);
        Assert.Equal([0.0, result.Regression!.Rare!.MeanAbsoluteError], trace.Y);
    }
}
