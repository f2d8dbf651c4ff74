using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public sealed class StartOrderTests
{
    private static readonly AlgorithmSettings[] Catalog = AlgorithmCatalog.Defaults.Select(AlgorithmSettings.Default).ToArray();

    [Fact]
    public void For_QuickestFirst_ThenLongestFirst()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["random-forest"] = 1.1, ["svm"] = 0.2, ["mlp"] = 0.4 };

        var order = StartOrder.For(Catalog, last).Select(s => s.Algorithm.Id);

        Assert.Equal(["svm", "random-forest", "lightgbm", "mlp"], order);
    }

    [Fact]
    public void For_UnfittedAlgorithms_GoFirstInTheGivenOrder()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["svm"] = 0.2 };

        Assert.Equal(["random-forest", "mlp", "svm", "lightgbm"], StartOrder.For(Catalog, last).Select(s => s.Algorithm.Id));
    }

    [Fact]
    public void For_NoHistory_KeepsTheGivenOrder() =>
        Assert.Equal(Catalog.Select(s => s.Algorithm.Id), StartOrder.For(Catalog, new Dictionary<string, double>()).Select(s => s.Algorithm.Id));
}
