using Dashboard.Components.Charts;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Components.Charts;

public class CostBarChartTests
{
    [Fact]
    public void Ranked_CheapestFirst_HandComputedCosts_FailedLeftOut()
    {
        // At 0.5 with costs 5 / 1 over 12 rows: WeakScores 3 FN 3 FP -> (15 + 3) / 12 = 1.5; GoodScores 1 FN 2 FP -> 7 / 12.
        var results = new[]
        {
            TestResults.Completed("lightgbm", TestResults.WeakScores), TestResults.Failed("svm", "no"), TestResults.Completed("rusboost", TestResults.GoodScores),
        };

        var ranked = CostBarChart.Ranked(results, new CostMatrix(5, 1));

        Assert.Equal(["rusboost", "lightgbm"], ranked.Select(r => r.Result.AlgorithmId));
        Assert.Equal(7 / 12.0, ranked[0].Cost, 12);
        Assert.Equal(1.5, ranked[1].Cost, 12);
    }
}
