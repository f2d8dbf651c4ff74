using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

/// <summary>The automatic relevance against values worked out by hand from R's boxplot.stats rules (fivenum hinges, 1.5 × spread).</summary>
public class RegressionRelevanceTests
{
    // 1..9 and 100: hinges 3 and 8 (fivenum), median 5.5, fences -4.5 and 15.5; 100 is a high extreme, nothing is low.
    private static readonly double[] HighTail = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];

    // -100, 1..9, 100: hinges 2.5 and 7.5, median 5, fences -5 and 15; extremes on both sides.
    private static readonly double[] BothTails = [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100];

    [Fact]
    public void Auto_HighTailOnly_ControlPointsMinMedianHighWhisker()
    {
        var relevance = RelevanceFunction.Auto(HighTail);

        Assert.Equal([new RelevancePoint(1, 0, 0), new RelevancePoint(5.5, 0, 0), new RelevancePoint(9, 1, 0)], relevance.ControlPoints);
    }

    [Theory]
    [InlineData(0, 0)] // below the first point: its relevance
    [InlineData(3, 0)] // between two points of relevance 0
    [InlineData(7.25, 0.5)] // halfway from the median to the whisker end: 3/4 - 2/8
    [InlineData(8, 275.0 / 343)] // t = 5/7: 3·25/49 - 2·125/343
    [InlineData(9, 1)]
    [InlineData(100, 1)] // beyond the last point: its relevance
    public void Of_HighTail_HandComputed(double value, double expected)
    {
        Assert.Equal(expected, RelevanceFunction.Auto(HighTail).Of(value), 12);
    }

    [Fact]
    public void Auto_BothTails_LowWhiskerIsRelevantToo()
    {
        var relevance = RelevanceFunction.Auto(BothTails);

        Assert.Equal([new RelevancePoint(1, 1, 0), new RelevancePoint(5, 0, 0), new RelevancePoint(9, 1, 0)], relevance.ControlPoints);
        Assert.Equal(54.0 / 64, relevance.Of(2), 12); // t = 1/4 from 1 (relevance 1) to 5 (0): 1 - (3/16 - 2/64)
        Assert.True(relevance.IsRare(-100));
        Assert.False(relevance.IsRare(5));
    }

    [Fact]
    public void Auto_NoExtremes_NothingRare()
    {
        var relevance = RelevanceFunction.Auto([1, 2, 3, 4, 5]);

        Assert.Equal([new RelevancePoint(1, 0, 0), new RelevancePoint(3, 0, 0), new RelevancePoint(5, 0, 0)], relevance.ControlPoints);
        Assert.DoesNotContain(new double[] { 1, 2, 3, 4, 5 }, relevance.IsRare);
    }

    [Fact]
    public void Auto_AmesSalePrice_RareFromAbout249kUp()
    {
        var ames = LabeledDataset.Create(TestData.Bundled("ames_housing"), new TargetChoice("Sale_Price"));

        // Worked out from the file: hinges 129,500 and 213,500, median 160,000; fence 339,500; whisker end 338,931.
        var relevance = ames.Regression!.Relevance;
        Assert.Equal([new RelevancePoint(12789, 0, 0), new RelevancePoint(160000, 0, 0), new RelevancePoint(338931, 1, 0)], relevance.ControlPoints);
        Assert.Equal(462, ames.Regression.RareCount);
        Assert.Equal(462, ames.PositiveCount);
        Assert.True(relevance.IsRare(249466));
        Assert.False(relevance.IsRare(249465));
    }
}
