using Dashboard.Core.Common;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

public class ConfusionCellsTests
{
    [Theory]
    [InlineData(0, 0.49, ConfusionCell.TrueNegative)]
    [InlineData(0, 0.5, ConfusionCell.FalsePositive)] // at the threshold counts as positive, as scikit-learn's scores >= threshold
    [InlineData(1, 0.49, ConfusionCell.FalseNegative)]
    [InlineData(1, 0.5, ConfusionCell.TruePositive)]
    public void Of_ScoreAtOrAboveTheThresholdIsPredictedPositive(int label, double score, ConfusionCell expected) =>
        Assert.Equal(expected, ConfusionCells.Of(label, score, 0.5));

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)] // many scores land exactly on a tenth: ties with the threshold
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void RowsIn_EveryCell_AsManyRowsAsTheMetricsCount_EachRowInExactlyOneCell(double threshold)
    {
        var random = SeededRandom.For(7, "confusion-cells");
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.2 ? 1 : 0).ToArray();
        var scores = labels.Select(l => Math.Round(Math.Clamp(0.3 * l + random.NextDouble() * 0.7, 0, 1), 1)).ToArray();
        var confusion = new ScoredPredictions(labels, scores).MetricsAt(threshold).Confusion;

        var rows = Enum.GetValues<ConfusionCell>().ToDictionary(c => c, c => ConfusionCells.RowsIn(scores, labels, threshold, c));

        Assert.All(rows, cell => Assert.Equal(confusion.CountIn(cell.Key), cell.Value.Count));
        Assert.Equal(Enumerable.Range(0, labels.Length), rows.Values.SelectMany(r => r).Order());
    }

    [Fact]
    public void RowsIn_ScoresAndLabelsOfDifferentLengths_SaysSo()
    {
        var problem = Assert.Throws<ArgumentException>(() => ConfusionCells.RowsIn([0.1, 0.2], [1], 0.5, ConfusionCell.TruePositive));
        Assert.StartsWith("2 scores and 1 labels were given; each row needs one of each.", problem.Message);
    }
}
