using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public sealed class StartOrderTests
{
    private static readonly AlgorithmSettings[] Catalog = AlgorithmCatalog.Defaults.Select(AlgorithmSettings.Default).ToArray();

    [Fact]
    public void For_QuickestFirst_ThenLongestFirst_TheForestLast()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["random-forest"] = 1.1, ["svm"] = 0.2, ["mlp"] = 0.4, ["extra"] = 0.6 };
        var withExtra = Catalog.Append(AlgorithmSettings.Default(TrainingFixtures.Waiting("extra", TimeSpan.Zero)));

        var order = StartOrder.For(withExtra, last).Select(s => s.Algorithm.Id);

        // The forest spreads over the cores the others leave, so it goes last even as the longest fit.
        Assert.True(AlgorithmCatalog.Get("random-forest").SpreadsOverSpareCores);
        Assert.Equal(["svm", "lightgbm", "extra", "mlp", "random-forest"], order);
    }

    [Fact]
    public void For_TheForestQuickest_StillLast()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["random-forest"] = 0.1, ["svm"] = 0.2, ["mlp"] = 0.4 };

        Assert.Equal(["svm", "lightgbm", "mlp", "random-forest"], StartOrder.For(Catalog, last).Select(s => s.Algorithm.Id));
    }

    [Fact]
    public void For_UnfittedAlgorithms_GoFirstInTheGivenOrder()
    {
        var last = new Dictionary<string, double> { ["lightgbm"] = 0.8, ["svm"] = 0.2 };

        Assert.Equal(["mlp", "svm", "lightgbm", "random-forest"], StartOrder.For(Catalog, last).Select(s => s.Algorithm.Id));
    }

    [Fact]
    public void For_NoHistory_KeepsTheGivenOrder_TheForestLast() =>
        Assert.Equal(["lightgbm", "svm", "mlp", "random-forest"], StartOrder.For(Catalog, new Dictionary<string, double>()).Select(s => s.Algorithm.Id));
}
