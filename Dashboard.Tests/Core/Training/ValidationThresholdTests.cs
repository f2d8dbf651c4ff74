using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public sealed class ValidationThresholdTests
{
    private static readonly AlgorithmSettings Logistic = AlgorithmSettings.Default(AlgorithmCatalog.Get("logistic"));

    [Fact]
    public void InnerSplit_HoldsOutAStratifiedFifthOfTheTrainingRows_NeverATestRow()
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");

        var inner = ValidationThreshold.InnerSplit(split, seed: 42);

        Assert.Equal(split.Split.TrainRows.Order(), inner.TrainRows.Concat(inner.TestRows).Order());
        Assert.Empty(inner.TestRows.Intersect(split.Split.TestRows));
        Assert.InRange(inner.TestRows.Count, 0.19 * split.Split.TrainRows.Count, 0.21 * split.Split.TrainRows.Count);
        double PositiveShare(IEnumerable<int> rows) => rows.Average(r => (double)split.Data.Labels[r]);
        Assert.Equal(PositiveShare(split.Split.TrainRows), PositiveShare(inner.TestRows), 2);
    }

    [Fact]
    public void Find_DoesNotDependOnTheTestRows()
    {
        // A private copy of the data: flipping every test row's label must change nothing.
        var split = TrainingFixtures.Prepare("titanic", "survived");
        var before = ValidationThreshold.Find(split, [], Logistic, MetricId.F1, 42, CancellationToken.None);

        foreach (var row in split.Split.TestRows) split.Data.Labels[row] ^= 1;
        var after = ValidationThreshold.Find(split, [], Logistic, MetricId.F1, 42, CancellationToken.None);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Find_ChoosesTheThresholdThatMaximisesTheMetricOnTheValidationRows()
    {
        var split = TrainingFixtures.LendingClub;

        var result = ValidationThreshold.Find(split, [], Logistic, MetricId.F1, 42, CancellationToken.None);

        // On 5 % positives, F1 peaks far below 0.5, where a logistic model predicts almost nothing positive.
        Assert.Equal(MetricId.F1, result.Choice.Metric);
        Assert.InRange(result.Choice.Threshold, 0.01, 0.4);
        Assert.InRange(result.Choice.Value, 0.05, 1);
        Assert.Equal(ValidationThreshold.InnerSplit(split, 42).TestRows.Count, result.ValidationRows);
        Assert.Equal(result, ValidationThreshold.Find(split, [], Logistic, MetricId.F1, 42, CancellationToken.None));
    }

    [Fact]
    public void Find_WithSliderChanges_TrainsOnResampledRows_ValidatesOnRealOnes()
    {
        var split = TrainingFixtures.LendingClub;
        var inner = ValidationThreshold.InnerSplit(split, 42);
        DistributionChange[] balance = [new(ClassGroup.Minority(split.Data, inner.TrainRows), 0.5)];

        var result = ValidationThreshold.Find(split, balance, Logistic, MetricId.F2, 42, CancellationToken.None);

        Assert.True(result.FitRows > inner.TrainRows.Count, $"{result.FitRows} fit rows: SMOTE should have added rows");
        Assert.Equal(inner.TestRows.Count, result.ValidationRows);
        Assert.Equal(MetricId.F2, result.Choice.Metric);
    }

    [Fact]
    public void Find_RankingMetric_ClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ValidationThreshold.Find(TrainingFixtures.BreastCancer, [], Logistic, MetricId.RocAuc, 42, CancellationToken.None));

        Assert.Contains("does not depend on the threshold", error.Message);
    }

    [Fact]
    public void FindLowestCost_DearerMisses_NeverRaiseTheThreshold_AndTestRowsPlayNoPart()
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");

        var dearMisses = ValidationThreshold.FindLowestCost(split, [], Logistic, new CostMatrix(10, 1), 42, CancellationToken.None);
        var dearAlarms = ValidationThreshold.FindLowestCost(split, [], Logistic, new CostMatrix(1, 10), 42, CancellationToken.None);
        foreach (var row in split.Split.TestRows) split.Data.Labels[row] ^= 1;
        var flipped = ValidationThreshold.FindLowestCost(split, [], Logistic, new CostMatrix(10, 1), 42, CancellationToken.None);

        // Cost = C_FN x misses + C_FP x false alarms: misses grow and false alarms shrink with the threshold.
        Assert.True(dearMisses.Choice.Threshold < dearAlarms.Choice.Threshold,
            $"{dearMisses.Choice.Threshold} with dear misses, {dearAlarms.Choice.Threshold} with dear false alarms");
        Assert.Equal(ValidationThreshold.InnerSplit(split, 42).TestRows.Count, dearMisses.ValidationRows);
        Assert.InRange(dearMisses.Choice.ExpectedCost, 0, 10);
        Assert.Equal(dearMisses, flipped);
    }
}
