using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class StratifiedSplitterTests
{
    private static readonly int[] Labels = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived")).Labels;

    [Fact]
    public void Split_Titanic_ClassSharesWithinOneRowOfExact()
    {
        var split = StratifiedSplitter.Split(Labels, 0.25, seed: 7);

        var testPositives = split.TestRows.Count(r => Labels[r] == 1);
        var testNegatives = split.TestRows.Count - testPositives;
        Assert.InRange(testPositives, 711 * 0.25 - 1, 711 * 0.25 + 1);
        Assert.InRange(testNegatives, 1496 * 0.25 - 1, 1496 * 0.25 + 1);
        Assert.InRange(split.TestRows.Count, 2207 * 0.25 - 1, 2207 * 0.25 + 1);
    }

    [Fact]
    public void Split_AnySeed_PartsDisjointAndCoverAllRows()
    {
        var split = StratifiedSplitter.Split(Labels, 0.3, seed: 1);

        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
        Assert.Equal(Enumerable.Range(0, Labels.Length), split.TrainRows.Concat(split.TestRows).Order());
        Assert.Equal(split.TrainRows.Order(), split.TrainRows);
    }

    [Fact]
    public void Split_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var a = StratifiedSplitter.Split(Labels, 0.25, seed: 42);
        var b = StratifiedSplitter.Split(Labels, 0.25, seed: 42);
        var c = StratifiedSplitter.Split(Labels, 0.25, seed: 43);

        Assert.Equal(a.TestRows, b.TestRows);
        Assert.NotEqual(a.TestRows, c.TestRows);
    }

    [Fact]
    public void Split_TinyClass_BothPartsGetOneRow()
    {
        int[] labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

        var split = StratifiedSplitter.Split(labels, 0.1, seed: 3);

        Assert.Equal(1, split.TestRows.Count(r => labels[r] == 1));
        Assert.Equal(1, split.TrainRows.Count(r => labels[r] == 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    public void Split_TestShareOutOfRange_ClearError(double share)
    {
        var error = Assert.Throws<DatasetException>(() => StratifiedSplitter.Split(Labels, share, seed: 1));

        Assert.Contains("between 0 and 1", error.Message);
    }
}
