using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

public class MetricCatalogTests
{
    [Fact]
    public void All_EveryMetricId_DescribedOnceInEnumOrder()
    {
        Assert.Equal(Enum.GetValues<MetricId>(), MetricCatalog.All.Select(m => m.Id));
    }

    [Fact]
    public void All_EveryEntry_HasNameMeaningFormulaAndUndefinedText()
    {
        Assert.All(MetricCatalog.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.DisplayName), $"{m.Id} display name");
            Assert.False(string.IsNullOrWhiteSpace(m.Meaning), $"{m.Id} meaning");
            Assert.False(string.IsNullOrWhiteSpace(m.Formula), $"{m.Id} formula");
            Assert.False(string.IsNullOrWhiteSpace(m.WhenUndefined), $"{m.Id} when undefined");
        });
    }

    [Fact]
    public void DependsOnThreshold_EachMetric_TrueExactlyWhenMovingTheThresholdChangesIt()
    {
        // random_200 evaluated at several thresholds: a threshold metric moves, a ranking metric does not.
        var golden = GoldenMetrics.Get("random_200");

        foreach (var info in MetricCatalog.All)
        {
            var values = golden.Evaluations.Select(e => e.Metrics[info.Id.ToString()]).Distinct().Count();
            Assert.True(info.DependsOnThreshold == values > 1, $"{info.Id}: {values} distinct values over {golden.Evaluations.Count} thresholds");
        }
    }

    [Fact]
    public void Get_EachId_ReturnsItsEntry()
    {
        Assert.All(Enum.GetValues<MetricId>(), id => Assert.Equal(id, MetricCatalog.Get(id).Id));
    }
}
