using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class DatasetProfilerTests
{
    [Fact]
    public void Profile_Titanic_ClassCountsAndColumnFacts()
    {
        var data = TestData.Bundled("titanic");
        var labeled = LabeledDataset.Create(data, new TargetChoice("survived"));

        var profile = DatasetProfiler.Profile(data, labeled);

        Assert.Equal(2207, profile.RowCount);
        var yes = Assert.Single(profile.ClassCounts, c => c.IsPositive);
        Assert.Equal(("yes", 711), (yes.Label, yes.Count));
        Assert.Equal(711 / 2207.0, yes.Share, 12);
        var age = profile.Columns.Single(c => c.Name == "age");
        Assert.Equal((ColumnKind.Numeric, 2), (age.Kind, age.MissingCount));
        Assert.True(age.Min < 1 && age.Max > 70);
        var name = profile.Columns.Single(c => c.Name == "name");
        Assert.True(name.LooksLikeIdentifier && name.IsExcluded);
        Assert.True(profile.Columns.Single(c => c.Name == "survived").IsTarget);
    }

    [Fact]
    public void Distribution_CategoricalSplitByClass_CountsMatch()
    {
        var data = TestData.Bundled("titanic");
        var labeled = LabeledDataset.Create(data, new TargetChoice("survived"));

        var distribution = DatasetProfiler.Distribution(data.Column("gender"), labelsByRow: labeled.Labels);

        var female = distribution.Labels.ToList().IndexOf("female");
        Assert.Equal(489, distribution.Counts[female]);
        Assert.Equal(distribution.Counts[female], distribution.CountsByClass![0][female] + distribution.CountsByClass[1][female]);
        // 73 % of women survived (the data set's README)
        Assert.InRange(distribution.CountsByClass[1][female] / 489.0, 0.72, 0.74);
    }

    [Fact]
    public void Distribution_NumericFixedBins_CountsAllNonMissing()
    {
        var data = TestData.Bundled("titanic");

        var distribution = DatasetProfiler.Distribution(data.Column("age"), bins: 10);

        Assert.Equal(10, distribution.Counts.Count);
        Assert.Equal(11, distribution.BinEdges.Count);
        Assert.Equal(2, distribution.MissingCount);
        Assert.Equal(2207 - 2, distribution.Counts.Sum());
    }

    [Fact]
    public void Distribution_SharedEdgesOnSubset_UsesSameBins()
    {
        var data = TestData.Bundled("titanic");
        var all = DatasetProfiler.Distribution(data.Column("age"), bins: 8);

        var subset = DatasetProfiler.Distribution(data.Column("age"), rows: Enumerable.Range(0, 100).ToArray(), binEdges: all.BinEdges);

        Assert.Equal(all.BinEdges, subset.BinEdges);
        Assert.Equal(100 - Enumerable.Range(0, 100).Count(r => data.Column("age").IsMissing(r)), subset.Counts.Sum());
    }
}
