using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public sealed class QuickestFirstTests
{
    private static readonly AlgorithmSettings[] Catalog = AlgorithmCatalog.Defaults.Select(AlgorithmSettings.Default).ToArray();

    [Fact]
    public void Order_ByLastFitSeconds_UnfittedFirstInGivenOrder()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["random-forest"] = 1.1, ["svm"] = 0.2 };

        var order = QuickestFirst.Order(Catalog, last).Select(s => s.Algorithm.Id);

        Assert.Equal(["mlp", "svm", "lightgbm", "random-forest"], order);
    }

    [Fact]
    public void Order_NoHistory_KeepsTheGivenOrder() =>
        Assert.Equal(Catalog.Select(s => s.Algorithm.Id), QuickestFirst.Order(Catalog, new Dictionary<string, double>()).Select(s => s.Algorithm.Id));
}
