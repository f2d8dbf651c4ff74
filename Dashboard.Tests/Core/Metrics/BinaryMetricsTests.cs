using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

public class BinaryMetricsTests
{
    [Fact]
    public void Properties_Random200_EachHoldsSklearnValueOfItsName()
    {
        // GoldenAssert reads metrics through Get(MetricId); this reads each property by name, so a
        // swapped pair in either place shows up.
        var golden = GoldenMetrics.Get("random_200");
        var expected = golden.Evaluations[0].Metrics;

        var metrics = MetricsCalculator.Compute(golden.Labels, golden.Scores, golden.Evaluations[0].Threshold);

        GoldenAssert.Close(expected["Accuracy"]!.Value, metrics.Accuracy, "Accuracy");
        GoldenAssert.Close(expected["Precision"]!.Value, metrics.Precision, "Precision");
        GoldenAssert.Close(expected["Recall"]!.Value, metrics.Recall, "Recall");
        GoldenAssert.Close(expected["Specificity"]!.Value, metrics.Specificity, "Specificity");
        GoldenAssert.Close(expected["F1"]!.Value, metrics.F1, "F1");
        GoldenAssert.Close(expected["F2"]!.Value, metrics.F2, "F2");
        GoldenAssert.Close(expected["BalancedAccuracy"]!.Value, metrics.BalancedAccuracy, "BalancedAccuracy");
        GoldenAssert.Close(expected["GeometricMean"]!.Value, metrics.GeometricMean, "GeometricMean");
        GoldenAssert.Close(expected["Mcc"]!.Value, metrics.Mcc, "Mcc");
        GoldenAssert.Close(expected["RocAuc"]!.Value, metrics.RocAuc, "RocAuc");
        GoldenAssert.Close(expected["PrAuc"]!.Value, metrics.PrAuc, "PrAuc");
        Assert.Empty(metrics.Undefined);
    }

    [Fact]
    public void Get_EveryMetricId_Answers()
    {
        var metrics = MetricsCalculator.Compute([0, 1, 1], [0.2, 0.4, 0.9]);

        Assert.All(Enum.GetValues<MetricId>(), id => Assert.True(double.IsFinite(metrics.Get(id)), id.ToString()));
    }
}
