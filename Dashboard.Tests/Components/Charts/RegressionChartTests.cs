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
