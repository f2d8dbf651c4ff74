using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

public class ScoredPredictionsTests
{
    public static TheoryData<string> Cases => GoldenMetrics.CaseNames;

    [Theory]
    [MemberData(nameof(Cases))]
    public void MetricsAt_OneInstanceAtEveryFixtureThreshold_MatchesSklearnAtEach(string caseName)
    {
        // The slider path: sort once, then ask for several thresholds in any order.
        var golden = GoldenMetrics.Get(caseName);
        var predictions = new ScoredPredictions(golden.Labels, golden.Scores);

        foreach (var expected in golden.Evaluations)
        {
            GoldenAssert.MetricsMatch(expected, predictions.MetricsAt(expected.Threshold));
            Assert.Equal(expected.Confusion.ToMatrix(), predictions.ConfusionAt(expected.Threshold));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constructor_GoldenCase_CountsRowsClassesAndDistinctScores(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);

        var predictions = new ScoredPredictions(golden.Labels, golden.Scores);

        Assert.Equal(golden.Labels.Length, predictions.Count);
        Assert.Equal(golden.Labels.Count(l => l == 1), predictions.Positives);
        Assert.Equal(golden.Labels.Count(l => l == 0), predictions.Negatives);
        Assert.Equal(golden.SensitivitySpecificityAtScores.Count, predictions.DistinctScores);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocCurve_DropIntermediate_MatchesSklearnRocCurve(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);

        var curve = new ScoredPredictions(golden.Labels, golden.Scores).RocCurve();

        AssertRocMatches(golden.RocCurve, curve);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocCurve_Full_MatchesSklearnWithoutDropIntermediate(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);

        var curve = new ScoredPredictions(golden.Labels, golden.Scores).RocCurve(dropIntermediate: false);

        AssertRocMatches(golden.RocCurveFull, curve);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecallCurve_GoldenCase_MatchesSklearn(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);
        var expected = golden.PrecisionRecallCurve;

        var curve = new ScoredPredictions(golden.Labels, golden.Scores).PrecisionRecallCurve();

        GoldenAssert.Close(expected.Precision, [.. curve.Select(p => p.Precision)], "precision");
        GoldenAssert.Close(expected.Recall, [.. curve.Select(p => p.Recall)], "recall");
        // sklearn gives the closing point (precision 1, recall 0) no threshold; ours is the
        // "nothing positive" threshold, the same as sklearn's first ROC threshold.
        GoldenAssert.Close(expected.Thresholds, [.. curve.SkipLast(1).Select(p => p.Threshold)], "thresholds");
        GoldenAssert.Close(golden.RocCurve.Thresholds[0], curve[^1].Threshold, "closing threshold");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SensitivitySpecificityCurve_DistinctScores_MatchesSklearnRecalls(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);

        var curve = new ScoredPredictions(golden.Labels, golden.Scores).SensitivitySpecificityCurve();

        AssertSensitivitySpecificityMatches(golden.SensitivitySpecificityAtScores, curve);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SensitivitySpecificityCurve_ThresholdGrid_MatchesSklearnRecalls(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);
        double[] grid = [.. golden.SensitivitySpecificityGrid.Select(p => p.Threshold)];

        var curve = new ScoredPredictions(golden.Labels, golden.Scores).SensitivitySpecificityCurve(grid);

        AssertSensitivitySpecificityMatches(golden.SensitivitySpecificityGrid, curve);
    }

    [Theory]
    [InlineData(MetricId.RocAuc)]
    [InlineData(MetricId.PrAuc)]
    public void BestThreshold_RankingMetric_Throws(MetricId metric)
    {
        var golden = GoldenMetrics.Get("random_200");
        var predictions = new ScoredPredictions(golden.Labels, golden.Scores);

        var error = Assert.Throws<ArgumentException>(() => predictions.BestThreshold(metric));

        Assert.Contains("does not depend on the threshold", error.Message);
    }

    [Fact]
    public void BestThreshold_Default_MaximisesF1()
    {
        var golden = GoldenMetrics.Get("random_200");

        var choice = new ScoredPredictions(golden.Labels, golden.Scores).BestThreshold();

        Assert.Equal(MetricId.F1, choice.Metric);
        Assert.Equal(golden.BestThresholds["F1"].Threshold, choice.Threshold);
    }

    [Fact]
    public void MetricsAt_NaNThreshold_Throws()
    {
        var predictions = new ScoredPredictions([0, 1], [0.2, 0.8]);

        Assert.Throws<ArgumentException>(() => predictions.MetricsAt(double.NaN));
    }

    private static void AssertRocMatches(GoldenMetrics.Roc expected, IReadOnlyList<RocPoint> curve)
    {
        // sklearn returns NaN rates when a class is missing; we return 0 there instead (never NaN).
        GoldenAssert.Close([.. expected.Fpr.Select(r => r ?? 0.0)], [.. curve.Select(p => p.FalsePositiveRate)], "FPR");
        GoldenAssert.Close([.. expected.Tpr.Select(r => r ?? 0.0)], [.. curve.Select(p => p.TruePositiveRate)], "TPR");
        GoldenAssert.Close(expected.Thresholds, [.. curve.Select(p => p.Threshold)], "thresholds");
    }

    private static void AssertSensitivitySpecificityMatches(
        IReadOnlyList<GoldenMetrics.SensSpec> expected, IReadOnlyList<SensitivitySpecificityPoint> curve)
    {
        GoldenAssert.Close([.. expected.Select(p => p.Threshold)], [.. curve.Select(p => p.Threshold)], "thresholds");
        GoldenAssert.Close([.. expected.Select(p => p.Sensitivity)], [.. curve.Select(p => p.Sensitivity)], "sensitivity");
        GoldenAssert.Close([.. expected.Select(p => p.Specificity)], [.. curve.Select(p => p.Specificity)], "specificity");
    }
}
