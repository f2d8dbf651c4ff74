using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

public class FocusGroupTests
{
    [Fact]
    public void Minority_Titanic_IsSurvivors()
    {
        // Arrange
        var data = Bundled("titanic");

        // Act
        var group = ClassGroup.Minority(data, AllRows(data));

        // Assert
        Assert.Equal(1, group.Label);
        Assert.Equal("class 'yes'", group.Describe(data));
    }

    [Fact]
    public void Minority_NegativesRarerInTrainingRows_IsNegativeClass()
    {
        // Arrange: positives are the minority overall, but not among these training rows.
        var data = Simple(10, 5);
        int[] train = [0, 1, 10, 11, 12];

        // Act
        var group = ClassGroup.Minority(data, train);

        // Assert
        Assert.Equal(0, group.Label);
    }

    [Fact]
    public void Rarest_CountsTrainingRowsOnly()
    {
        // Arrange: 'z' is rarest overall, but absent from these training rows, so 'w' (2) beats 'v' (3).
        var data = FromCsv("a,colour,y\n1,z,pos\n2,w,pos\n3,w,neg\n4,v,neg\n5,v,pos\n6,v,neg\n7,z,neg\n");
        int[] train = [1, 2, 3, 4, 5];

        // Act
        var group = CategoryGroup.Rarest(data, "colour", train);

        // Assert
        Assert.Equal(new CategoryGroup("colour", "w"), group);
        Assert.Equal("colour = w", group.Describe(data));
    }

    [Fact]
    public void TopQuartile_EightValues_StartsAtNumpyPercentileAndIncludesMaximum()
    {
        // Arrange: a = 1..8; numpy.percentile(a, 75) = 1 + 0.75 * 7 = 6.25.
        var data = FromCsv("a,y\n1,pos\n2,neg\n3,pos\n4,neg\n5,pos\n6,neg\n7,pos\n8,neg\n");

        // Act
        var group = NumericRangeGroup.TopQuartile(data, "a", AllRows(data));
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(group, 0.25)], seed: 1);

        // Assert: rows 7 and 8 are the group, the maximum included.
        Assert.Equal(6.25, group.Lo);
        Assert.True(double.IsPositiveInfinity(group.Hi));
        Assert.Equal(new ClassSplit(1, 1), result.Changes[0].GroupBefore);
        Assert.Equal("a ≥ 6.25", group.Describe(data));
    }

    [Fact]
    public void TopQuartile_CategoricalColumn_ThrowsClearError()
    {
        // Arrange
        var data = FromCsv("a,colour,y\n1,z,pos\n2,w,pos\n3,w,neg\n4,v,neg\n");

        // Act
        var error = Assert.Throws<DatasetException>(() => NumericRangeGroup.TopQuartile(data, "colour", AllRows(data)));

        // Assert
        Assert.Equal(DataProblem.InvalidSetting, error.Problem);
        Assert.Contains("categorical, so its slider needs a category", error.Message);
    }
}
