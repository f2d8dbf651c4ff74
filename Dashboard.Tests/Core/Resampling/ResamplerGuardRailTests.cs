using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

public class ResamplerGuardRailTests
{
    [Fact]
    public void Apply_ClassSmallerThanKPlusOne_ShrinksKAndWarns()
    {
        // Arrange: 4 positives cannot have 5 neighbours each.
        var data = Simple(12, 4);

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5, K: 5)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.Equal(3, report.KUsed);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(ResamplingWarningKind.KReduced, warning.Kind);
        Assert.Contains("k = 3", warning.Message);
        Assert.Equal(12, CountLabel(result, 1));
    }

    [Fact]
    public void Apply_ClassWithOneRowInGroup_DuplicatesItAndWarns()
    {
        // Arrange: colour z has one positive (row 0) and five negatives.
        var csv = new StringBuilder("a,colour,y\n1,z,pos\n");
        for (var i = 0; i < 5; i++) csv.Append($"{i + 2},z,neg\n");
        for (var i = 0; i < 6; i++) csv.Append($"{i + 10},w,pos\n");
        for (var i = 0; i < 6; i++) csv.Append($"{i + 20},w,neg\n");
        var data = FromCsv(csv.ToString());

        // Act: z from 6 of 18 rows to 80 %: 48 rows, 42 new, 7 of them positive.
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new CategoryGroup("colour", "z"), 0.8)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.Contains(report.Warnings, w => w.Kind == ResamplingWarningKind.RandomOversamplingFallback);
        Assert.Equal(8, result.OriginalRows.Count(r => r == 0));
        Assert.Equal(48, report.GroupAfter.Total);
        Assert.Equal(new ClassSplit(40, 8), report.GroupAfter);
        Assert.Contains("random oversampling", report.Method);
        Assert.Contains("SMOTE-NC", report.Method);
    }

    [Fact]
    public void Apply_ShareAboveMaximum_ClampedToMaxShare()
    {
        // Arrange
        var data = Simple(20, 5);

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.99)], seed: 1);

        // Assert: 0.95 * 20 / 0.05 = 380 positives.
        var report = result.Changes[0];
        Assert.True(report.Clamped);
        Assert.Equal(380, report.GroupAfter.Total);
        Assert.Equal(0.95, report.TargetShare, 12);
        Assert.Equal(0.99, report.RequestedShare);
        Assert.Contains("95%", report.Warnings.Single(w => w.Kind == ResamplingWarningKind.ShareClamped).Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    [InlineData(-0.5)]
    public void Apply_ShareBelowOneRow_KeepsOneRowAndWarns(double share)
    {
        // Arrange
        var data = Simple(20, 5);

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), share)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.True(report.Clamped);
        Assert.Equal(1, report.GroupAfter.Total);
        Assert.Equal(1.0 / 21, report.TargetShare, 12);
    }

    [Fact]
    public void Apply_SyntheticRowBudgetExceeded_ClampedToBudget()
    {
        // Arrange
        var data = Simple(20, 5);
        var options = new ResamplingOptions { MaxSyntheticRows = 7 };

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 1, options);

        // Assert
        Assert.Equal(7, result.Synthetic.RowCount);
        Assert.True(result.Changes[0].Clamped);
    }

    [Fact]
    public void Apply_EmptyCategoryGroup_ThrowsClearError()
    {
        // Arrange: the only 'z' row is left out of the training rows.
        var data = FromCsv("a,colour,y\n1,z,pos\n2,w,pos\n3,w,neg\n4,w,neg\n5,w,pos\n");
        int[] train = [1, 2, 3, 4];

        // Act
        var error = Assert.Throws<DatasetException>(() =>
            Resampler.Apply(data, train, [new DistributionChange(new CategoryGroup("colour", "z"), 0.5)], seed: 1));

        // Assert
        Assert.Equal(DataProblem.EmptyFocusGroup, error.Problem);
        Assert.Contains("colour = z", error.Message);
        Assert.Contains("no training rows", error.Message);
    }

    [Fact]
    public void Apply_EmptyRangeGroup_ThrowsClearError()
    {
        // Arrange
        var data = Simple(10, 5);

        // Act
        var error = Assert.Throws<DatasetException>(() =>
            Resampler.Apply(data, AllRows(data), [new DistributionChange(new NumericRangeGroup("a", 500, 600), 0.5)], seed: 1));

        // Assert
        Assert.Equal(DataProblem.EmptyFocusGroup, error.Problem);
        Assert.Contains("a in [500, 600)", error.Message);
    }

    public static TheoryData<DistributionChange, DataProblem, string> BadChanges => new()
    {
        { new DistributionChange(new CategoryGroup("nope", "x"), 0.5), DataProblem.UnknownColumn, "'nope' is not a feature" },
        { new DistributionChange(new CategoryGroup("a", "x"), 0.5), DataProblem.InvalidSetting, "numeric, so its slider needs a range" },
        { new DistributionChange(new NumericRangeGroup("y", 0, 1), 0.5), DataProblem.UnknownColumn, "'y' is not a feature" },
        { new DistributionChange(new NumericRangeGroup("a", 3, 3), 0.5), DataProblem.InvalidSetting, "is empty" },
        { new DistributionChange(new ClassGroup(2), 0.5), DataProblem.InvalidSetting, "must be 1 (positive) or 0" },
        { new DistributionChange(new ClassGroup(1), double.NaN), DataProblem.InvalidSetting, "between 0 and 1" },
        { new DistributionChange(new ClassGroup(1), 0.5, K: 0), DataProblem.InvalidSetting, "at least 1" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public void Apply_BadSetting_ThrowsDatasetException(DistributionChange change, DataProblem problem, string message)
    {
        // Arrange
        var data = Simple(10, 5);

        // Act
        var error = Assert.Throws<DatasetException>(() => Resampler.Apply(data, AllRows(data), [change], seed: 1));

        // Assert
        Assert.Equal(problem, error.Problem);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Apply_UnknownCategory_ListsTheCategories()
    {
        // Arrange
        var data = FromCsv("a,colour,y\n1,z,pos\n2,w,pos\n3,w,neg\n4,w,neg\n");

        // Act
        var error = Assert.Throws<DatasetException>(() =>
            Resampler.Apply(data, AllRows(data), [new DistributionChange(new CategoryGroup("colour", "q"), 0.5)], seed: 1));

        // Assert
        Assert.Equal(DataProblem.InvalidSetting, error.Problem);
        Assert.Contains("Its categories are: z, w", error.Message);
    }

    [Fact]
    public void Apply_GroupHoldsEveryRow_WarnsAndChangesNothing()
    {
        // Arrange
        var data = FromCsv("a,colour,y\n1,z,pos\n2,z,pos\n3,z,neg\n4,z,neg\n");

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new CategoryGroup("colour", "z"), 0.3)], seed: 1);

        // Assert
        Assert.Equal(ResamplingWarningKind.GroupIsEverything, Assert.Single(result.Warnings).Kind);
        Assert.Equal(4, result.RowCount);
        Assert.Equal(0, result.Changes[0].RowsRemoved);
    }

    [Fact]
    public void Apply_NearMissOnFeatureGroup_FallsBackToStratifiedRandom()
    {
        // Arrange
        var data = Bundled("titanic");

        // Act
        var result = Resampler.Apply(data, AllRows(data),
            [new DistributionChange(new CategoryGroup("gender", "female"), 0.1, Under: UndersamplingMethod.NearMiss1)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.Equal(ResamplingWarningKind.MethodNotApplicable, Assert.Single(report.Warnings).Kind);
        Assert.Equal("random undersampling", report.Method);
        Assert.Equal((int)Math.Round(0.1 * 1718 / 0.9, MidpointRounding.AwayFromZero), report.GroupAfter.Total);
    }

    [Fact]
    public void Apply_BorderlineWithoutBorderRows_FallsBackToSmote()
    {
        // Arrange: positives far from every negative, so none is "in danger".
        var data = FromCsv(FarApartCsv());

        // Act
        var result = Resampler.Apply(data, AllRows(data),
            [new DistributionChange(new ClassGroup(1), 0.5, Over: OversamplingMethod.BorderlineSmote1)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.Equal(ResamplingWarningKind.MethodNotApplicable, Assert.Single(report.Warnings).Kind);
        Assert.Equal("SMOTE", report.Method);
        Assert.Equal(30, CountLabel(result, 1));
    }

    [Fact]
    public void Apply_AdasynWithoutMixedNeighbourhoods_FallsBackToSmote()
    {
        // Arrange
        var data = FromCsv(FarApartCsv());

        // Act
        var result = Resampler.Apply(data, AllRows(data),
            [new DistributionChange(new ClassGroup(1), 0.5, Over: OversamplingMethod.Adasyn)], seed: 1);

        // Assert
        Assert.Equal(ResamplingWarningKind.MethodNotApplicable, Assert.Single(result.Warnings).Kind);
        Assert.Equal(30, CountLabel(result, 1));
    }

    [Fact]
    public void Apply_PoolAboveExactLimit_SearchesSampleAndSaysSo()
    {
        // Arrange
        var data = Simple(60, 30);
        var options = new ResamplingOptions { ExactSearchLimit = 20 };

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 1, options);

        // Assert
        Assert.Equal(NeighbourSearchKind.Sampled, result.Search);
        Assert.Contains("sample of 20 of its 30 rows", Assert.Single(result.Warnings, w => w.Kind == ResamplingWarningKind.SampledNeighbours).Message);
        Assert.Equal(60, CountLabel(result, 1));
    }

    [Fact]
    public void Apply_Cancelled_Throws()
    {
        // Arrange
        var data = Simple(10, 5);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Act / Assert
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 1, cancelled.Token));
    }

    /// <summary>30 negatives near the origin, 10 positives far away.</summary>
    private static string FarApartCsv()
    {
        var csv = new StringBuilder("a,b,y\n");
        for (var i = 0; i < 30; i++) csv.Append(Row(i * 0.1, i * 0.07 % 1, "neg"));
        for (var i = 0; i < 10; i++) csv.Append(Row(1000 + i * 0.3, 1000 + i * 0.11, "pos"));
        return csv.ToString();
    }
}
