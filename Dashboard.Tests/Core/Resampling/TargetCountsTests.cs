using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Core.Resampling;

public class TargetCountsTests
{
    [Fact]
    public void GroupRowsFor_ExactHalf_RoundsAwayFromZero()
    {
        // Arrange: s = 0.2 next to r = 10 other rows asks for 0.2 * 10 / 0.8 = 2.5 group rows.
        // Act
        var rows = TargetCounts.GroupRowsFor(0.2, 10);

        // Assert: banker's rounding would give 2.
        Assert.Equal(3, rows);
    }

    [Fact]
    public void GroupRowsFor_NeutralShare_GivesCurrentSize()
    {
        // Arrange: 711 group rows next to 1,496 others.
        var share = 711.0 / (711 + 1496);

        // Act
        var rows = TargetCounts.GroupRowsFor(share, 1496);

        // Assert
        Assert.Equal(711, rows);
    }

    [Theory]
    [InlineData(7, new[] { 3, 1 }, new[] { 5, 2 })]   // 5.25 and 1.75: the larger remainder gets the leftover
    [InlineData(1, new[] { 2, 2 }, new[] { 1, 0 })]   // a full tie goes to the earlier index
    [InlineData(3, new[] { 1, 5 }, new[] { 0, 3 })]   // 0.5 and 2.5: tied remainders go to the larger weight
    [InlineData(10, new[] { 0, 4 }, new[] { 0, 10 })] // an empty class gets nothing
    public void Apportion_Weights_LargestRemainderSplit(int total, int[] weights, int[] expected)
    {
        // Act
        var shares = TargetCounts.Apportion(total, weights);

        // Assert
        Assert.Equal(expected, shares);
        Assert.Equal(total, shares.Sum());
    }
}
