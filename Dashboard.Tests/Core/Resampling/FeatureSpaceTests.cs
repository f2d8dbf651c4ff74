using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Core.Resampling;

public sealed class FeatureSpaceTests
{
    [Fact]
    public void Create_InfiniteValueInColumnWithoutMissing_LeftOutOfMeanAndScale()
    {
        // Arrange: a has no missing value but an infinite one (the fast path for complete columns must notice it); b is plain.
        var data = LabeledDataset.Create(new Dataset("fixture",
        [
            new NumericColumn("a", [1.0, double.PositiveInfinity, 3.0, 5.0]),
            new NumericColumn("b", [2.0, 4.0, 6.0, 8.0]),
            new CategoricalColumn("y", [0, 1, 0, 1], ["neg", "pos"]),
        ]), new TargetChoice("y", "pos", []));

        // Act
        var space = FeatureSpace.Create(data, [0, 1, 2, 3]);

        // Assert: a's mean and deviation are those of 1, 3 and 5; b's those of all four rows.
        Assert.Equal([3.0, 5.0], space.Mean);
        Assert.Equal([Math.Sqrt(8.0 / 3), Math.Sqrt(5.0)], space.Scale);
    }
}
