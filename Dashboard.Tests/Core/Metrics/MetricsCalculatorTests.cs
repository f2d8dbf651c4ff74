using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

public class MetricsCalculatorTests
{
    public static TheoryData<string> Cases => GoldenMetrics.CaseNames;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_GoldenCase_MatchesSklearn(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);
        var expected = golden.Evaluations[0];

        var metrics = MetricsCalculator.Compute(golden.Labels, golden.Scores, expected.Threshold);

        GoldenAssert.MetricsMatch(expected, metrics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_GoldenCase_FlagsEveryMetricSklearnWarnedOrRaisedFor(string caseName)
    {
        // The fixture's "undefined" list is derived from zero denominators; this checks the other
        // direction too: wherever sklearn itself complained, the metric carries our flag.
        var golden = GoldenMetrics.Get(caseName);
        foreach (var expected in golden.Evaluations)
        {
            var metrics = MetricsCalculator.Compute(golden.Labels, golden.Scores, expected.Threshold);

            foreach (var name in expected.SklearnWarned.Keys.Concat(expected.SklearnRaised.Keys))
            {
                Assert.False(metrics.IsDefined(Enum.Parse<MetricId>(name)), $"{name} at {expected.Threshold}: sklearn said '{expected.SklearnWarned.GetValueOrDefault(name) ?? expected.SklearnRaised[name]}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FBeta_GoldenCase_MatchesSklearnFbetaScore(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);
        var confusion = golden.Evaluations[0].Confusion.ToMatrix();

        foreach (var expected in golden.FBeta)
        {
            GoldenAssert.Close(expected.Value, MetricsCalculator.FBeta(confusion, expected.Beta), $"F-beta with beta {expected.Beta}");
        }
    }

    [Fact]
    public void FBeta_InfiniteBeta_EqualsRecall()
    {
        var golden = GoldenMetrics.Get("random_200");
        var expected = golden.Evaluations[0];

        var fInfinity = MetricsCalculator.FBeta(expected.Confusion.ToMatrix(), double.PositiveInfinity);

        GoldenAssert.Close(expected.Metrics["Recall"]!.Value, fInfinity, "F-beta with beta = infinity");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void FBeta_NegativeOrNaNBeta_Throws(double beta)
    {
        var confusion = new ConfusionMatrix(1, 2, 3, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => MetricsCalculator.FBeta(confusion, beta));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BestThreshold_GoldenCase_MatchesBruteForceOverSklearnScores(string caseName)
    {
        var golden = GoldenMetrics.Get(caseName);

        foreach (var (name, expected) in golden.BestThresholds)
        {
            var choice = MetricsCalculator.BestThreshold(golden.Labels, golden.Scores, Enum.Parse<MetricId>(name));

            Assert.Equal(Enum.Parse<MetricId>(name), choice.Metric);
            Assert.True(expected.Threshold == choice.Threshold, $"{name}: sklearn brute force chose {expected.Threshold:R}, ours {choice.Threshold:R}");
            GoldenAssert.Close(expected.Value, choice.Value, $"{name} at the best threshold");
        }
    }

    [Fact]
    public void BestThreshold_TieTolerance_SameAsFixtureScript()
    {
        // The fixture's brute force and our search must call the same values ties.
        Assert.Equal(ScoredPredictions.TieTolerance, GoldenMetrics.TieTolerance);
    }

    [Fact]
    public void UniformThresholds_ElevenPoints_EqualFixtureGrid()
    {
        var expected = GoldenMetrics.Cases[0].SensitivitySpecificityGrid.Select(p => p.Threshold).ToArray();

        var thresholds = MetricsCalculator.UniformThresholds(expected.Length);

        // Exact: a score sitting on a grid value must fall on the same side in both languages.
        Assert.Equal(expected, thresholds);
    }

    [Fact]
    public void Compute_LabelNotZeroOrOne_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([0, 1, 2], [0.1, 0.2, 0.3]));

        Assert.Contains("labels[2] is 2", error.Message);
    }

    [Fact]
    public void Compute_LengthsDiffer_ThrowsWithBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([0, 1], [0.1, 0.2, 0.3]));

        Assert.Contains("2 labels but 3 scores", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Compute_NonFiniteScore_ThrowsNamingTheRow(double score)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([0, 1], [0.1, score]));

        Assert.Contains("scores[1]", error.Message);
    }

    [Fact]
    public void Compute_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([], []));
    }
}
