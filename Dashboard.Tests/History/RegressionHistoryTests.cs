using Bunit;
using Dashboard.Components.History;
using Dashboard.Core.Metrics;
using Dashboard.Tests.Components;
using Dashboard.Tests.Export;

namespace Dashboard.Tests.History;

/// <summary>
/// The history views over stored regression runs (a numeric target) in a real SQLite store: R² and the errors are compared
/// and judged (R² highest, errors lowest), no confusion matrices, ROC curves or classification metric picker.
/// </summary>
public class RegressionHistoryTests : StoredRunsComponentTest
{
    /// <summary>Two stored regression runs: the forest better in the second (closer predictions), the SVR worse.</summary>
    private async Task SaveRegressionRunsAsync()
    {
        double[] close = [105_000, 150_000, 175_000, 230_000, 330_000, 420_000], rough = [130_000, 140_000, 200_000, 200_000, 260_000, 330_000];
        await Store.SaveAsync(RunFixtures.Run("reg-first", RunFixtures.Start.AddMinutes(5), reason: "baseline",
            results: [TestResults.Regressed("random-forest", rough), TestResults.Regressed("svm", close)]), CancellationToken.None);
        await Store.SaveAsync(RunFixtures.Run("reg-second", RunFixtures.Start.AddMinutes(6), reason: "moved rare values to 0.5",
            results: [TestResults.Regressed("random-forest", close), TestResults.Regressed("svm", rough)]), CancellationToken.None);
    }

    [Fact]
    public async Task RunComparison_RegressionRuns_R2AndErrorsWithBestAndChanges_PlotsNoConfusionOrRoc()
    {
        await SaveRegressionRunsAsync();
        var (close, rough) = (TestResults.Regressed("svm", [105_000, 150_000, 175_000, 230_000, 330_000, 420_000]).Regression!,
            TestResults.Regressed("svm", [130_000, 140_000, 200_000, 200_000, 260_000, 330_000]).Regression!);

        var cut = Context.Render<RunComparison>(p => p.Add(c => c.RunIds, ["reg-first", "reg-second"]));
        cut.WaitForElement(".comparison-algorithm");

        var forest = cut.Find(".comparison-algorithm[data-algorithm=random-forest]");
        var r2 = forest.QuerySelectorAll($"tr[data-metric={RegressionMetricId.R2}] td.num");
        Assert.StartsWith(rough.R2.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), r2[0].TextContent.Trim());
        Assert.Contains("best", r2[1].ClassName); // higher R² in run 2
        Assert.Contains(Dashboard.Components.Shared.DisplayFormat.Delta(close.R2 - rough.R2), r2[1].TextContent);
        var mae = forest.QuerySelectorAll($"tr[data-metric={RegressionMetricId.Mae}] td.num");
        Assert.Contains("best", mae[1].ClassName); // the lower error is the better one
        Assert.DoesNotContain("best", mae[0].ClassName);
        Assert.Contains(Dashboard.Components.Shared.DisplayFormat.RegressionDelta(RegressionMetricId.Mae, close.All.MeanAbsoluteError - rough.All.MeanAbsoluteError), mae[1].TextContent);
        var svmMae = cut.FindAll($".comparison-algorithm[data-algorithm=svm] tr[data-metric={RegressionMetricId.Mae}] td.num");
        Assert.Contains("best", svmMae[0].ClassName);
        Assert.Equal(RegressionMetricCatalog.All.Count, forest.QuerySelectorAll("tr[data-metric]").Length); // R², MAE, RMSE, median AE, rare MAE, rare RMSE
        Assert.Equal(["1", "2"], forest.QuerySelectorAll(".comparison-plot").Select(e => e.GetAttribute("data-run")));
        Assert.Equal(2, forest.QuerySelectorAll(".comparison-plot .plot-kind").Length); // a predicted-vs-actual plot per run
        Assert.Empty(cut.FindAll(".comparison-confusion"));
        Assert.Empty(cut.FindAll(".confusion-table"));
        Assert.DoesNotContain("ROC", cut.Markup);
        Assert.DoesNotContain(">Threshold<", cut.Markup);
        Assert.Equal("Report (R²)", cut.Find(".export-report").TextContent.Trim());
        Assert.Contains("relevance ≥ 0.5", cut.Find(".comparison-settings").TextContent); // the runs' rare values, at the default threshold
    }

    [Fact]
    public async Task RunDetail_RegressionRun_BestByR2_NoMetricPickerOrRocCharts()
    {
        await SaveRegressionRunsAsync();

        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, "reg-second"));
        cut.WaitForElement(".stored-result");

        var best = Assert.Single(cut.FindAll(".best-chip"));
        Assert.Equal("random-forest", best.Closest(".stored-result")!.GetAttribute("data-algorithm"));
        Assert.Contains("best R²", best.TextContent);
        Assert.Contains("predicted as a number", cut.Find(".run-settings").TextContent);
        Assert.NotNull(cut.Find(".best-by-r2"));
        Assert.DoesNotContain("ROC", cut.Markup);
    }

    [Fact]
    public async Task RunGrid_OnlyRegressionRunsListed_BestByR2_NoClassificationPicker()
    {
        await SaveRegressionRunsAsync();

        var regression = Context.Render<RunGrid>();
        regression.WaitForAssertion(() => Assert.Equal(4, regression.FindAll("a.open-run").Count));
        Assert.Equal("Best by R² (report)", regression.Find(".best-by-r2").TextContent.Trim());
        Assert.All(regression.FindAll(".export-report"), b => Assert.Equal("Report (R²)", b.TextContent.Trim()));
    }

    [Fact]
    public async Task RunGrid_OnlyRegressionRuns_R2AndErrorColumnsInsteadOfTheClassificationOnes()
    {
        await SaveRegressionRunsAsync();
        var close = TestResults.Regressed("svm", [105_000, 150_000, 175_000, 230_000, 330_000, 420_000]).Regression!;

        var cut = Context.Render<RunGrid>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("a.open-run").Count));

        var headers = cut.FindAll(".run-grid th").Select(h => h.TextContent.Trim()).ToList();
        foreach (var info in RegressionMetricCatalog.All) Assert.Contains(headers, h => h.StartsWith(info.Label, StringComparison.Ordinal));
        Assert.DoesNotContain(headers, h => h.StartsWith("F1", StringComparison.Ordinal) || h.StartsWith("ROC AUC", StringComparison.Ordinal));
        Assert.DoesNotContain(headers, h => h.StartsWith("TP / FP", StringComparison.Ordinal) || h.StartsWith("Cost / row", StringComparison.Ordinal));
        // The second run's forest predicted closely: its row shows that fit's R² and errors as the cards format them.
        var forest = Dashboard.Core.Training.AlgorithmCatalog.Get("random-forest", Dashboard.Core.Data.TargetTask.Regression).DisplayName;
        var forestRow = cut.FindAll(".run-grid tbody tr").Single(r => r.TextContent.Contains("moved rare values") && r.TextContent.Contains(forest));
        string Cell(RegressionMetricId id) => forestRow.QuerySelector($".regression-cell[data-metric={id}]")!.TextContent.Trim();
        Assert.Equal(Dashboard.Components.Shared.DisplayFormat.Regression(RegressionMetricId.R2, close.R2), Cell(RegressionMetricId.R2));
        Assert.Equal(Dashboard.Components.Shared.DisplayFormat.Regression(RegressionMetricId.Mae, close.All.MeanAbsoluteError), Cell(RegressionMetricId.Mae));
        Assert.Equal(Dashboard.Components.Shared.DisplayFormat.Regression(RegressionMetricId.Rmse, close.All.RootMeanSquaredError), Cell(RegressionMetricId.Rmse));
    }
}
