using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

public class ResamplerSplitTests
{
    private static readonly DistributionChange[] EveryKindOfChange =
    [
        new(new CategoryGroup("embarked", "Q"), 0.25),
        new(new NumericRangeGroup("age", 0, 12), 0.02),
        new(new ClassGroup(1), 0.55),
    ];

    /// <summary>Every kind of change on one fixed split of titanic; only the resampling seed varies.</summary>
    private static ResampledTrainingSet ApplyToTitanic(int seed)
    {
        var data = Bundled("titanic");
        var split = StratifiedSplitter.Split(data.Labels, 0.25, seed: 4);
        return Resampler.Apply(data, split.TrainRows, EveryKindOfChange, seed);
    }

    [Fact]
    public void Apply_AfterSplit_TestRowsNeverAppearAndDataIsUnchanged()
    {
        // Arrange
        var data = Bundled("titanic");
        var split = StratifiedSplitter.Split(data.Labels, 0.25, seed: 21);
        var before = Snapshot(data.Data);
        var labelsBefore = data.Labels.ToArray();

        // Act
        var result = Resampler.Apply(data, split.TrainRows, EveryKindOfChange, seed: 21);

        // Assert: no test row is kept, duplicated, or used as a parent ...
        var test = split.TestRows.ToHashSet();
        Assert.DoesNotContain(result.OriginalRows, test.Contains);
        Assert.DoesNotContain(result.SyntheticOrigins, o => test.Contains(o.BaseRow) || test.Contains(o.NeighbourRow));
        Assert.All(result.OriginalRows, r => Assert.Contains(r, split.TrainRows));
        Assert.True(result.Synthetic.RowCount > 0);
        // ... and the data set itself is exactly as it was.
        Assert.Equal(before, Snapshot(data.Data));
        Assert.Equal(labelsBefore, data.Labels);
    }

    [Fact]
    public void Apply_SameSeedTwice_IdenticalRows()
    {
        // Arrange / Act
        var (first, second) = (ApplyToTitanic(seed: 4), ApplyToTitanic(seed: 4));

        // Assert
        Assert.Equal(first.OriginalRows, second.OriginalRows);
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.SyntheticOrigins, second.SyntheticOrigins);
        Assert.Equal(Snapshot(first.Synthetic), Snapshot(second.Synthetic));
    }

    [Fact]
    public void Apply_DifferentSeed_DifferentRows()
    {
        // Arrange / Act
        var (first, second) = (ApplyToTitanic(seed: 4), ApplyToTitanic(seed: 5));

        // Assert: same counts, other rows.
        Assert.Equal(first.RowCount, second.RowCount);
        Assert.NotEqual(first.OriginalRows, second.OriginalRows);
        Assert.NotEqual(Snapshot(first.Synthetic), Snapshot(second.Synthetic));
    }

    [Theory]
    [InlineData(UndersamplingMethod.NearMiss1)]
    [InlineData(UndersamplingMethod.NearMiss3)]
    [InlineData(UndersamplingMethod.TomekLinks)]
    [InlineData(UndersamplingMethod.EditedNearestNeighbours)]
    public void Apply_CleaningMethodsOnTitanic_OnlyRemoveRowsOfTheClass(UndersamplingMethod method)
    {
        // Arrange: the majority class down to 60 %.
        var data = Bundled("titanic");
        var split = StratifiedSplitter.Split(data.Labels, 0.25, seed: 1);
        var positives = split.TrainRows.Count(r => data.Labels[r] == 1);

        // Act
        var result = Resampler.Apply(data, split.TrainRows, [new DistributionChange(new ClassGroup(0), 0.6, Under: method)], seed: 1);

        // Assert
        var report = result.Changes[0];
        Assert.Equal(positives, CountLabel(result, 1));
        Assert.True(report.RowsRemoved > 0);
        Assert.Equal(report.RowsRemoved, report.GroupBefore.Total - report.GroupAfter.Total);
        // Exactly on target, or (NearMiss-3, Tomek, ENN) short of it with a warning that says how far it got.
        var target = (int)Math.Round(0.6 * positives / 0.4, MidpointRounding.AwayFromZero);
        if (report.GroupAfter.Total != target) Assert.Contains(report.Warnings, w => w.Kind == ResamplingWarningKind.TargetNotReached);
        if (method == UndersamplingMethod.NearMiss1) Assert.Equal(target, report.GroupAfter.Total);
        Assert.Equal(0, result.Synthetic.RowCount);
    }
}
