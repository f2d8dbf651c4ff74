using Dashboard.Rooms;

namespace Dashboard.Tests.Rooms;

public class RoomSweepsTests
{
    [Fact]
    public void Shares_EightEqualStepsFrom5To80Percent_EndsFirstThenMiddles()
    {
        Assert.Equal([0.05, 0.157, 0.264, 0.371, 0.479, 0.586, 0.693, 0.8], RoomSweeps.Shares.Order());
        Assert.Equal([0.05, 0.8, 0.479], RoomSweeps.Shares.Take(3));
        // After the first four positions the curve has a point in every quarter of the range.
        var firstFour = RoomSweeps.Shares.Take(4).Order().ToArray();
        Assert.All(firstFour.Zip(firstFour.Skip(1)), gap => Assert.True(gap.Second - gap.First <= 0.33, $"gap {gap.First}..{gap.Second}"));
    }
}
