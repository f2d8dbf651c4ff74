using Dashboard.Components.Charts;
using Dashboard.Core.Metrics;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

/// <summary>The charts that compare several results: ROC, precision-recall, sensitivity/specificity, metric bars.</summary>
public class ComparisonChartTests
{
    private static readonly Dictionary<string, double> At03 = new() { ["lightgbm"] = 0.3 };

    [Fact]
    public void RocBuild_TwoResultsAndAFailure_DiagonalThenCurveAndMarkerPerCompletedResult()
    {
        var good = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var weak = TestResults.Completed("svm", TestResults.WeakScores);

        var traces = RocChart.Build([good, TestResults.Failed("mlp", "diverged"), weak], TestResults.Labels, null).Traces;

        Assert.Equal(5, traces.Count);
        var diagonal = (Scatter)traces[0];
        Assert.Equal([0.0, 1.0], diagonal.X);
        var curve = (Scatter)traces[1];
        Assert.Equal(good.RocCurve.Select(p => (object)p.FalsePositiveRate), curve.X);
        Assert.Equal(good.RocCurve.Select(p => (object)p.TruePositiveRate), curve.Y);
        Assert.Contains("AUC", curve.Name);
    }

    [Fact]
    public void RocBuild_ThresholdGiven_MarkerAtThatThresholdsRates()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var expected = TestResults.MetricsAt(TestResults.GoodScores, 0.3);

        var marker = (Scatter)RocChart.Build([result], TestResults.Labels, At03).Traces[2];

        Assert.Equal([1 - expected.Specificity], marker.X);
        Assert.Equal([expected.Recall], marker.Y);
        Assert.NotEqual(result.Metrics!.Recall, expected.Recall); // 0.3 really moved the point
    }

    [Fact]
    public void PrecisionRecallBuild_TwoResultsAndAFailure_NoSkillLineThenStepCurveAndMarkerPerCompletedResult()
    {
        var good = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var weak = TestResults.Completed("svm", TestResults.WeakScores);

        var traces = PrecisionRecallChart.Build([good, TestResults.Failed("mlp", "diverged"), weak], TestResults.Labels, null).Traces;

        Assert.Equal(5, traces.Count);
        var curve = (Scatter)traces[1];
        Assert.Equal(good.PrecisionRecallCurve.Select(p => (object)p.Recall), curve.X);
        Assert.Equal(good.PrecisionRecallCurve.Select(p => (object)p.Precision), curve.Y);
        // The hover reads each point's threshold from its custom data, three decimals like the cards.
        Assert.Equal(good.PrecisionRecallCurve.Select(p => (object)p.Threshold), curve.CustomData);
        Assert.Contains("threshold %{customdata:.3f}", curve.HoverTemplate);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv, curve.Line.Shape);
        Assert.Contains("PR AUC", curve.Name);
    }

    [Fact]
    public void PrecisionRecallBuild_NoSkillLine_FlatAtTheTestRowsPositiveRate()
    {
        // 4 of the 12 test rows are positive: a model that guesses is right a third of the time, at any recall.
        var noSkill = (Scatter)PrecisionRecallChart.Build([TestResults.Completed("lightgbm", TestResults.GoodScores)], TestResults.Labels, null).Traces[0];

        Assert.Equal([0.0, 1.0], noSkill.X);
        Assert.Equal([4 / 12.0, 4 / 12.0], noSkill.Y);
        Assert.Contains("no skill", noSkill.Name);
    }

    [Fact]
    public void PrecisionRecallBuild_ThresholdGiven_MarkerAtThatThresholdsRecallAndPrecision_NamedWithIt()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var expected = TestResults.MetricsAt(TestResults.GoodScores, 0.3);

        var marker = (Scatter)PrecisionRecallChart.Build([result], TestResults.Labels, At03).Traces[2];

        Assert.Equal([expected.Recall], marker.X);
        Assert.Equal([expected.Precision], marker.Y);
        Assert.Equal("LightGBM at threshold 0.300", marker.Name);
        Assert.NotEqual(result.Metrics!.Precision, expected.Precision); // 0.3 really moved the point
    }

    [Fact]
    public void PrecisionRecallBuild_ThresholdAboveEveryScore_NoMarkerForAnUndefinedPrecision()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores);

        var traces = PrecisionRecallChart.Build([result], TestResults.Labels, new Dictionary<string, double> { ["lightgbm"] = 0.95 }).Traces;

        Assert.Equal(2, traces.Count); // the no-skill line and the curve
    }

    [Fact]
    public void PrecisionRecallBuild_NoResults_NothingDrawn() =>
        Assert.Empty(PrecisionRecallChart.Build([TestResults.Failed("mlp", "diverged")], null, null).Traces);

    [Fact]
    public void SensitivitySpecificityBuild_TwoResults_TwoCurvesEachAndOneLineAtTheSharedThreshold()
    {
        var good = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var weak = TestResults.Completed("svm", TestResults.WeakScores);

        var figure = SensitivitySpecificityChart.Build([good, weak], null);

        Assert.Equal(4, figure.Traces.Count);
        var sensitivity = (Scatter)figure.Traces[0];
        Assert.Equal(good.SensitivitySpecificityCurve.Select(p => (object)p.Sensitivity), sensitivity.Y);
        Assert.Equal(good.SensitivitySpecificityCurve.Select(p => (object)p.Threshold), sensitivity.X);
        Assert.Equal(good.SensitivitySpecificityCurve.Select(p => (object)p.Specificity), ((Scatter)figure.Traces[1]).Y);
        var line = Assert.Single(figure.Layout.Shapes);
        Assert.Equal(0.5, line.X0);
    }

    [Fact]
    public void SensitivitySpecificityBuild_DifferentThresholds_OneLinePerAlgorithm()
    {
        var figure = SensitivitySpecificityChart.Build(
            [TestResults.Completed("lightgbm", TestResults.GoodScores), TestResults.Completed("svm", TestResults.WeakScores)], At03);

        Assert.Equal([0.3, 0.5], figure.Layout.Shapes.Select(s => (double)s.X0));
    }

    [Fact]
    public void MetricBarBuild_WithBaselines_GreyBaselineThenCurrentValuesAtEachThreshold()
    {
        var current = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var baseline = TestResults.Completed("lightgbm", TestResults.WeakScores);

        var traces = MetricBarChart.Build(MetricId.F1, [current], [baseline], TestResults.Labels, At03).Traces;

        Assert.Equal(2, traces.Count);
        var baselineBars = (Bar)traces[0];
        var currentBars = (Bar)traces[1];
        Assert.Equal("baseline", baselineBars.Name);
        Assert.Equal([TestResults.MetricsAt(TestResults.WeakScores, 0.3).F1], baselineBars.Y);
        Assert.Equal([TestResults.MetricsAt(TestResults.GoodScores, 0.3).F1], currentBars.Y);
        Assert.Equal(["LightGBM"], currentBars.X);
    }

    [Fact]
    public void MetricBarBuild_UndefinedMetric_ShowsNotAvailableNotAZeroScore()
    {
        // Threshold above every score: nothing is called positive, so precision divides by zero.
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores, threshold: 0.95);

        var bars = (Bar)MetricBarChart.Build(MetricId.Precision, [result], null, null, null).Traces.Single();

        Assert.Equal(["n/a"], bars.TextArray);
        Assert.Contains("undefined", bars.HoverTextArray[0]);
    }
}
