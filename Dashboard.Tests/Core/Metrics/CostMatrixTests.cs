using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Metrics;

/// <summary>Cost-sensitive decisions against hand-computed cases.</summary>
public sealed class CostMatrixTests
{
    // Six rows, three positive. Predicting the rows at or above each score positive gives (FN, FP):
    // none (3, 0), 0.9 (2, 0), 0.8 (2, 1), 0.7 (1, 1), 0.6 (1, 2), 0.3 (0, 2), 0.2 (0, 3).
    private static readonly int[] Labels = [1, 0, 1, 0, 1, 0];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.3, 0.2];

    [Fact]
    public void ExpectedCost_WeighsMissesAndFalseAlarms_PerRow()
    {
        var confusion = new ConfusionMatrix(TruePositives: 3, FalsePositives: 2, TrueNegatives: 4, FalseNegatives: 1);

        // (1 x 5 + 2 x 1) / 10 rows.
        Assert.Equal(0.7, new CostMatrix(falseNegative: 5, falsePositive: 1).ExpectedCost(confusion), 12);
        Assert.Equal(0.3, CostMatrix.Equal.ExpectedCost(confusion), 12);
    }

    [Fact]
    public void TheoreticalThreshold_IsFalsePositiveCostOverTheSum()
    {
        Assert.Equal(0.2, new CostMatrix(falseNegative: 4, falsePositive: 1).TheoreticalThreshold, 12);
        Assert.Equal(0.5, CostMatrix.Equal.TheoreticalThreshold);
        Assert.Equal(1.0, new CostMatrix(falseNegative: 0, falsePositive: 3).TheoreticalThreshold);
    }

    [Fact]
    public void ExpectedCostAt_Threshold_CountsTheRowsAtOrAboveIt()
    {
        var predictions = new ScoredPredictions(Labels, Scores);

        // At 0.7: FN 1, FP 1, so (5 + 1) / 6.
        Assert.Equal(1.0, predictions.ExpectedCostAt(0.7, new CostMatrix(5, 1)), 12);
    }

    [Theory]
    [InlineData(1, 1, 0.3, 2 / 6.0)] // 2 / 6 at 0.9, 0.7 and 0.3: the tie goes to the lowest threshold
    [InlineData(5, 1, 0.3, 2 / 6.0)] // misses dear: (0 x 5 + 2) / 6
    [InlineData(1, 5, 0.9, 2 / 6.0)] // false alarms dear: (2 + 0 x 5) / 6
    public void LowestCostThreshold_HandComputed(double falseNegative, double falsePositive, double threshold, double cost)
    {
        var choice = new ScoredPredictions(Labels, Scores).LowestCostThreshold(new CostMatrix(falseNegative, falsePositive));

        Assert.Equal(threshold, choice.Threshold);
        Assert.Equal(cost, choice.ExpectedCost, 12);
    }

    [Fact]
    public void LowestCostThreshold_NothingPositiveCheapest_ThresholdAboveEveryScore()
    {
        // One negative at 0.9, one positive at 0.1; a false alarm costs 10: calling nothing positive costs (1 x 1) / 2.
        var choice = new ScoredPredictions([0, 1], [0.9, 0.1]).LowestCostThreshold(new CostMatrix(1, 10));

        Assert.True(choice.Threshold > 0.9, $"threshold {choice.Threshold}");
        Assert.Equal(0.5, choice.ExpectedCost, 12);
    }

    [Theory]
    [InlineData(-1, 1, "The cost of a false negative must be a number at or above 0; -1 was given.")]
    [InlineData(1, double.NaN, "The cost of a false positive must be a number at or above 0; NaN was given.")]
    [InlineData(0, 0, "cannot both cost 0")]
    public void Constructor_BadCosts_ClearMessage(double falseNegative, double falsePositive, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new CostMatrix(falseNegative, falsePositive));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ClassWeightsFromCosts_PositiveWeighsFalseNegativeOverFalsePositive()
    {
        var weighting = ClassWeighting.FromCosts(new CostMatrix(falseNegative: 6, falsePositive: 2));

        Assert.Equal(ClassWeightMode.FromCosts, weighting.Mode);
        Assert.Equal((1.0, 3.0), weighting.WeightsFor([0, 1, 0]));
        Assert.False(weighting.IsNone);
        Assert.True(ClassWeighting.FromCosts(CostMatrix.Equal).IsNone);
    }

    [Fact]
    public void ClassWeightsFromCosts_FreeFalsePositives_ClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClassWeighting.FromCosts(new CostMatrix(falseNegative: 1, falsePositive: 0)));

        Assert.Contains("C_FN / C_FP", error.Message);
    }

    [Fact]
    public void ClassWeightsFromCosts_ExportedWithTheirOrigin()
    {
        Assert.Equal("from costs (positive rows weigh C_FN / C_FP = 2.5)", RunText.ClassWeight(ClassWeighting.FromCosts(new CostMatrix(5, 2))));
    }
}
