using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;
using static System.FormattableString;

namespace Dashboard.Tests.Core.Resampling;

public class SyntheticRowTests
{
    [Theory]
    [InlineData("titanic")]
    [InlineData("lending_club")]
    [InlineData("breast_cancer_wisconsin")]
    public void Apply_Smote_SyntheticValuesLieOnSegmentBetweenParents(string name)
    {
        // Arrange
        var data = Bundled(name);
        var rows = AllRows(data);
        var group = ClassGroup.Minority(data, rows);
        var numeric = data.FeatureNames.Select(data.Data.Column).OfType<NumericColumn>().ToArray();

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(group, 0.5)], seed: 11);

        // Assert
        Assert.NotEqual(0, result.Synthetic.RowCount);
        for (var i = 0; i < result.Synthetic.RowCount; i++)
        {
            var origin = result.SyntheticOrigins[i];
            Assert.True(origin.FromRealParents);
            Assert.InRange(origin.Step, 0.0, 1.0 - 1e-18);
            Assert.Equal(group.Label, result.SyntheticLabels[i]);
            Assert.Equal(group.Label, data.Labels[origin.BaseRow]);
            Assert.Equal(group.Label, data.Labels[origin.NeighbourRow]);
            foreach (var column in numeric)
            {
                var (a, b) = (column[origin.BaseRow], column[origin.NeighbourRow]);
                var value = ((NumericColumn)result.Synthetic.Column(column.Name))[i];
                if (double.IsNaN(a) && double.IsNaN(b)) Assert.True(double.IsNaN(value));
                else if (double.IsNaN(a)) Assert.Equal(b, value);
                else if (double.IsNaN(b)) Assert.Equal(a, value);
                else
                {
                    Assert.Equal(a + origin.Step * (b - a), value, 1e-9 * (1 + Math.Abs(a) + Math.Abs(b)));
                    Assert.InRange(value, Math.Min(a, b), Math.Max(a, b));
                }
            }
        }
    }

    [Fact]
    public void Apply_SmoteOnTitanic_MissingOnlyWhereBothParentsMiss()
    {
        // Arrange: fare, sibsp and parch are missing for the crew, so some pairs mix missing and present values.
        var data = Bundled("titanic");
        var rows = AllRows(data);
        var fare = (NumericColumn)data.Data.Column("fare");

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(new ClassGroup(1), 0.6)], seed: 4);

        // Assert: at least one row had exactly one parent missing fare, and took the other's value.
        var synthetic = (NumericColumn)result.Synthetic.Column("fare");
        var mixed = Enumerable.Range(0, result.Synthetic.RowCount)
            .Where(i => double.IsNaN(fare[result.SyntheticOrigins[i].BaseRow]) != double.IsNaN(fare[result.SyntheticOrigins[i].NeighbourRow]))
            .ToArray();
        Assert.NotEmpty(mixed);
        Assert.All(mixed, i => Assert.False(double.IsNaN(synthetic[i])));
        Assert.Equal(
            Enumerable.Range(0, result.Synthetic.RowCount).Count(i => double.IsNaN(fare[result.SyntheticOrigins[i].BaseRow]) && double.IsNaN(fare[result.SyntheticOrigins[i].NeighbourRow])),
            synthetic.MissingCount);
    }

    [Fact]
    public void Apply_SmoteNc_CategoryIsNeighboursMostCommonValue()
    {
        // Arrange: two far-apart clusters of positives; with k = 3 each row's neighbours are the other
        // three rows of its cluster. Cluster A's colours are a,a,a,b and cluster B's c,c,c,d, so every
        // new row from A must be 'a' (even from the 'b' row) and every new row from B must be 'c'.
        var csv = new StringBuilder("u,v,colour,y\n");
        string[] a = ["a", "a", "a", "b"], b = ["c", "c", "c", "d"];
        for (var i = 0; i < 4; i++) csv.Append(Invariant($"{i * 0.01},{i * 0.02},{a[i]},pos\n"));
        for (var i = 0; i < 4; i++) csv.Append(Invariant($"{100 + i * 0.01},{100 - i * 0.02},{b[i]},pos\n"));
        for (var i = 0; i < 16; i++) csv.Append(Invariant($"{i * 6.5},{(i * 37) % 100},e,neg\n"));
        var data = FromCsv(csv.ToString());
        var colour = (CategoricalColumn)data.Data.Column("colour");

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.75, K: 3)], seed: 8);

        // Assert
        Assert.Equal("SMOTE-NC", result.Changes[0].Method);
        var synthetic = (CategoricalColumn)result.Synthetic.Column("colour");
        Assert.Equal(40, synthetic.Length);
        for (var i = 0; i < synthetic.Length; i++)
        {
            var baseRow = result.SyntheticOrigins[i].BaseRow;
            Assert.Equal(baseRow < 4 ? "a" : "c", synthetic.FormatValue(i));
        }
        // The draws include the odd-one-out rows, so copying the base's own colour would have failed above.
        Assert.Contains(result.SyntheticOrigins, o => colour.FormatValue(o.BaseRow) == "b");
        Assert.Contains(result.SyntheticOrigins, o => colour.FormatValue(o.BaseRow) == "d");
    }

    [Fact]
    public void Apply_CategoryGroupUp_NewRowsKeepGroupCategoryAndParentsInGroup()
    {
        // Arrange
        var data = Bundled("lending_club");
        var rows = AllRows(data);
        var group = CategoryGroup.Rarest(data, "sub_grade", rows);
        var column = (CategoricalColumn)data.Data.Column("sub_grade");

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(group, 0.05)], seed: 2);

        // Assert
        var synthetic = (CategoricalColumn)result.Synthetic.Column("sub_grade");
        Assert.True(synthetic.Length > 0);
        Assert.All(Enumerable.Range(0, synthetic.Length), i => Assert.Equal(group.Category, synthetic.FormatValue(i)));
        Assert.All(result.SyntheticOrigins, o => Assert.Equal(group.Category, column.FormatValue(o.BaseRow)));
        Assert.All(result.SyntheticOrigins, o => Assert.Equal(group.Category, column.FormatValue(o.NeighbourRow)));
        Assert.All(Enumerable.Range(0, synthetic.Length), i =>
            Assert.Equal(data.Labels[result.SyntheticOrigins[i].BaseRow], result.SyntheticLabels[i]));
    }

    [Fact]
    public void Apply_RangeGroupUp_NewValuesStayInRange()
    {
        // Arrange: fares in [20, 60), pushed up.
        var data = Bundled("titanic");
        var rows = AllRows(data);
        var group = new NumericRangeGroup("fare", 20, 60);

        // Act
        var result = Resampler.Apply(data, rows, [new DistributionChange(group, 0.4)], seed: 6);

        // Assert
        var fare = (NumericColumn)result.Synthetic.Column("fare");
        Assert.True(fare.Length > 100);
        Assert.All(Enumerable.Range(0, fare.Length), i => Assert.InRange(fare[i], 20, Math.BitDecrement(60.0)));
    }

    [Fact]
    public void Apply_Oversampling_TargetCopiesLabelAndExcludedColumnsAreMissing()
    {
        // Arrange: titanic excludes name and ticketno.
        var data = Bundled("titanic");

        // Act
        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.5)], seed: 1);

        // Assert
        var synthetic = result.Synthetic;
        Assert.All(Enumerable.Range(0, synthetic.RowCount), i => Assert.Equal("yes", synthetic.Column("survived").FormatValue(i)));
        Assert.Equal(synthetic.RowCount, synthetic.Column("name").MissingCount);
        Assert.Equal(synthetic.RowCount, synthetic.Column("ticketno").MissingCount);
    }

    [Fact]
    public void Apply_ClassAfterFeatureChange_SyntheticParentsAreTracedToRealAncestors()
    {
        // Arrange: the first change makes synthetic positives that the second can draw as parents.
        var data = Simple(40, 12);
        var changes = new[]
        {
            new DistributionChange(new NumericRangeGroup("a", 0, 20), 0.7),
            new DistributionChange(new ClassGroup(1), 0.6),
        };

        // Act
        var result = Resampler.Apply(data, AllRows(data), changes, seed: 3);

        // Assert: rows with a synthetic parent say so, and still name real rows of their class.
        var secondGeneration = result.SyntheticOrigins.Where(o => !o.FromRealParents).ToArray();
        Assert.NotEmpty(secondGeneration);
        Assert.All(secondGeneration, o => Assert.Equal(1, o.ChangeIndex));
        Assert.All(result.SyntheticOrigins, o =>
        {
            Assert.InRange(o.BaseRow, 0, data.RowCount - 1);
            Assert.InRange(o.NeighbourRow, 0, data.RowCount - 1);
        });
        Assert.All(Enumerable.Range(0, result.Synthetic.RowCount), i =>
            Assert.Equal(result.SyntheticLabels[i], data.Labels[result.SyntheticOrigins[i].BaseRow]));
    }
}
