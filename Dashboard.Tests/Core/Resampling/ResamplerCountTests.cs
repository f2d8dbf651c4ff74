using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

public class ResamplerCountTests
{
    [Fact]
    public void Apply_ClassGroupUp_AddsExactlyTheRowsForTheShare()
    {
        // Arrange: 15 negatives, 6 positives; half positives needs round(0.5 * 15 / 0.5) = 15 positives.
        var data = Simple(15, 6);

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 1);

        // Assert
        var report = Assert.Single(result.Changes);
        Assert.Equal(21, result.OriginalRows.Count);
        Assert.Equal(9, result.Synthetic.RowCount);
        Assert.All(result.SyntheticLabels, l => Assert.Equal(1, l));
        Assert.Equal(9, report.RowsAdded);
        Assert.Equal(0, report.RowsRemoved);
        Assert.Equal(new ClassSplit(0, 6), report.GroupBefore);
        Assert.Equal(new ClassSplit(0, 15), report.GroupAfter);
        Assert.Equal(0.5, report.ShareAfter, 12);
        Assert.Equal(6.0 / 21, report.ShareBefore, 12);
        Assert.Equal("SMOTE", report.Method);
        Assert.Equal(5, report.KUsed);
        Assert.Equal(NeighbourSearchKind.Exact, report.Search);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Apply_ClassGroupDownAtHalfRow_KeepsRoundedAwayFromZero()
    {
        // Arrange: 10 negatives, 5 positives; share 0.2 asks for 0.2 * 10 / 0.8 = 2.5 positives.
        var data = Simple(10, 5);

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.2)], seed: 1);

        // Assert
        Assert.Equal(3, CountLabel(result, 1));
        Assert.Equal(10, CountLabel(result, 0));
        Assert.Equal(0, result.Synthetic.RowCount);
        Assert.Equal(2, result.Changes[0].RowsRemoved);
        Assert.Equal("random undersampling", result.Changes[0].Method);
    }

    [Theory]
    [InlineData("titanic", 0.5)]
    [InlineData("titanic", 0.1)]
    [InlineData("lending_club", 0.3)]
    [InlineData("lending_club", 0.02)]
    [InlineData("breast_cancer_wisconsin", 0.6)]
    [InlineData("breast_cancer_wisconsin", 0.2)]
    public void Apply_MinorityClassOnBundledSet_ReachesExactCount(string name, double share)
    {
        // Arrange
        var data = Bundled(name);
        var split = StratifiedSplitter.Split(data.Labels, 0.25, seed: 3);
        var group = ClassGroup.Minority(data, split.TrainRows);
        var rest = split.TrainRows.Count(r => data.Labels[r] != group.Label);
        var expected = (int)Math.Round(share * rest / (1 - share), MidpointRounding.AwayFromZero);

        // Act
        var result = Resampler.Apply(data, split.TrainRows, [new DistributionChange(group, share)], seed: 3);

        // Assert
        Assert.Equal(expected, CountLabel(result, group.Label));
        Assert.Equal(rest, CountLabel(result, 1 - group.Label));
        Assert.Equal(expected, result.Changes[0].GroupAfter.Total);
        Assert.Equal(result.RowCount, result.Labels.Count);
    }

    [Fact]
    public void Apply_CategoryGroupDown_ExactCountAndClassMixKept()
    {
        // Arrange: third-class passengers on the Titanic.
        var data = Bundled("titanic");
        var rows = AllRows(data);
        var group = new CategoryGroup("class", "3rd");
        var classColumn = (CategoricalColumn)data.Data.Column("class");
        var inGroup = rows.Where(r => classColumn.FormatValue(r) == "3rd").ToArray();
        var before = new[] { 0, 1 }.Select(l => inGroup.Count(r => data.Labels[r] == l)).ToArray();
        var rest = rows.Length - inGroup.Length;
        var target = (int)Math.Round(0.15 * rest / 0.85, MidpointRounding.AwayFromZero);

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(group, 0.15)], seed: 5);

        // Assert: exact size, and each class keeps its share of the group to within one row.
        var report = result.Changes[0];
        Assert.Equal(target, report.GroupAfter.Total);
        Assert.Equal(rows.Length - inGroup.Length + target, result.RowCount);
        for (var label = 0; label < 2; label++)
        {
            Assert.InRange(report.GroupAfter.Of(label), Math.Floor(target * (double)before[label] / inGroup.Length), Math.Ceiling(target * (double)before[label] / inGroup.Length));
        }
        // Rows outside the group are all still there.
        var kept = result.OriginalRows.ToHashSet();
        Assert.All(rows.Where(r => classColumn.FormatValue(r) != "3rd"), r => Assert.Contains(r, kept));
    }

    [Fact]
    public void Apply_RangeGroupUp_ExactCountNewRowsPerClassProportional()
    {
        // Arrange: the top quartile of worst_area in breast cancer, pushed to 40 % of the rows.
        var data = Bundled("breast_cancer_wisconsin");
        var rows = AllRows(data);
        var group = NumericRangeGroup.TopQuartile(data, "worst_area", rows);
        var column = (NumericColumn)data.Data.Column("worst_area");
        var inGroup = rows.Where(r => column[r] >= group.Lo).ToArray();
        var rest = rows.Length - inGroup.Length;
        var target = (int)Math.Round(0.4 * rest / 0.6, MidpointRounding.AwayFromZero);
        var added = target - inGroup.Length;
        var positivesInGroup = inGroup.Count(r => data.Labels[r] == 1);

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(group, 0.4)], seed: 5);

        // Assert: the group holds a single benign row, which is duplicated rather than interpolated.
        var report = result.Changes[0];
        Assert.Equal(target, report.GroupAfter.Total);
        Assert.Equal(added, report.RowsAdded);
        Assert.Equal(rows.Length + added, result.RowCount);
        var newPositives = report.GroupAfter.Positive - positivesInGroup;
        Assert.InRange(newPositives,
            Math.Floor(added * (double)positivesInGroup / inGroup.Length), Math.Ceiling(added * (double)positivesInGroup / inGroup.Length));
        Assert.Equal(newPositives, result.Synthetic.RowCount);
        Assert.Equal(rows.Length + added - newPositives, result.OriginalRows.Count);
        Assert.Equal(ResamplingWarningKind.RandomOversamplingFallback, Assert.Single(report.Warnings).Kind);
    }

    [Fact]
    public void Apply_FeatureThenClassChange_ClassChangeSeesFeatureRows()
    {
        // Arrange: embarked = Q up to 20 %, then the class slider to 50 % positive.
        var data = Bundled("titanic");
        var rows = AllRows(data);
        var changes = new[]
        {
            new DistributionChange(new CategoryGroup("embarked", "Q"), 0.2),
            new DistributionChange(new ClassGroup(1), 0.5),
        };

        // Act
        var result = Resampler.Apply(data, rows, changes, seed: 9);

        // Assert: the class change started from the rows the feature change produced ...
        var (feature, classChange) = (result.Changes[0], result.Changes[1]);
        Assert.Equal(feature.TrainingAfter, classChange.TrainingBefore);
        Assert.True(feature.RowsAdded > 0);
        // ... and its count is exact against those rows.
        var rest = feature.TrainingAfter.Negative;
        Assert.Equal((int)Math.Round(0.5 * rest / 0.5, MidpointRounding.AwayFromZero), CountLabel(result, 1));
        Assert.Equal(feature.RowsAdded + classChange.RowsAdded, result.Synthetic.RowCount);
        Assert.Equal(new[] { 0, 1 }, result.SyntheticOrigins.Select(o => o.ChangeIndex).Distinct().Order());
    }

    [Fact]
    public void Apply_NoChanges_ReturnsTheTrainingRowsUntouched()
    {
        // Arrange
        var data = Simple(6, 4);
        var rows = new[] { 0, 2, 4, 6, 8 };

        // Act
        var result = Resampler.Apply(data, rows, [], seed: 1);

        // Assert
        Assert.Equal(rows, result.OriginalRows);
        Assert.Equal(0, result.Synthetic.RowCount);
        Assert.Equal(rows.Select(r => data.Labels[r]), result.Labels);
        Assert.Equal(NeighbourSearchKind.None, result.Search);
    }

    [Fact]
    public void ToDataset_AfterOversampling_StacksOriginalsThenSyntheticRows()
    {
        // Arrange
        var data = Simple(8, 4);
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 2);

        // Act
        var all = result.ToDataset();

        // Assert
        Assert.Equal(result.RowCount, all.RowCount);
        Assert.Equal(data.Data.Columns.Select(c => c.Name), all.Columns.Select(c => c.Name));
        Assert.Equal(result.Synthetic.Column("a").FormatValue(0), all.Column("a").FormatValue(result.OriginalRows.Count));
        Assert.Equal("pos", all.Column("y").FormatValue(all.RowCount - 1));
    }
}
