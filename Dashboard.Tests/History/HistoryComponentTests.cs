using Bunit;
using Dashboard.Components.History;
using Dashboard.Core.Metrics;
using Dashboard.Storage;
using Dashboard.Tests.Components;
using Dashboard.Tests.Export;
using Dashboard.Tests.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.History;

/// <summary>The history views rendered over a real SQLite store.</summary>
public class HistoryComponentTests : ComponentTest, IAsyncLifetime
{
    private SqliteDatabaseFixture _db = default!;
    private RunStore _store = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _db = await SqliteDatabaseFixture.CreateAsync();
        _store = new RunStore(_db.Database);
        Context.Services.AddSingleton(_store);
        RenderPopoverProvider();
        await _store.SaveAsync(RunFixtures.Run("first", RunFixtures.Start), CancellationToken.None);
        await _store.SaveAsync(RunFixtures.Run("second", RunFixtures.Start.AddMinutes(1), reason: "moved class balance to 0.6",
            results: [RunFixtures.Result("lightgbm", RunFixtures.EagerScores), RunFixtures.Result("random-forest", RunFixtures.GoodScores),
                RunFixtures.Result("svm", RunFixtures.ShyScores), RunFixtures.Failed("mlp")]), CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void RunDetail_StoredRun_FourCardsBestMarkedAndReplayLink()
    {
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, "first"));
        cut.WaitForElement(".stored-result");

        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp"], cut.FindAll(".stored-result").Select(e => e.GetAttribute("data-algorithm")));
        var best = Assert.Single(cut.FindAll(".best-chip"));
        Assert.Equal("random-forest", best.Closest(".stored-result")!.GetAttribute("data-algorithm"));
        Assert.Equal("0.750", cut.Find(".stored-result[data-algorithm=random-forest] .f1-value").TextContent.Trim());
        Assert.Contains("The model could not converge.", cut.Find(".stored-result[data-algorithm=mlp]").TextContent);
        Assert.Contains("class 'yes' → 50.0%", cut.Find(".run-settings").TextContent);
        Assert.Equal("/export/runs.csv?ids=first", cut.Find("a.export-csv").GetAttribute("href"));

        cut.Find(".replay-run").Click();

        Assert.Equal("http://localhost/?replay=first", Context.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void RunDetail_UnknownRun_SaysSo()
    {
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, "ghost"));

        cut.WaitForAssertion(() => Assert.Contains("No stored run has the id 'ghost'", cut.Markup));
    }

    [Fact]
    public void RunComparison_TwoRuns_BestAndDifferencesHighlighted()
    {
        var cut = Context.Render<RunComparison>(p => p.Add(c => c.RunIds, ["second", "first"]));
        cut.WaitForElement(".comparison-algorithm");

        var forest = cut.Find(".comparison-algorithm[data-algorithm=random-forest]");
        var f1 = forest.QuerySelectorAll($"tr[data-metric={MetricId.F1}] td.num");
        Assert.Equal(2, f1.Length);
        Assert.Contains("best", f1[0].ClassName); // run 1 is the older one: the eager forest, F1 0.750
        Assert.StartsWith("0.750", f1[0].TextContent.Trim());
        Assert.Contains("differs", f1[1].ClassName);
        Assert.Contains("−0.083", f1[1].TextContent);
        var svmF1 = cut.Find($".comparison-algorithm[data-algorithm=svm] tr[data-metric={MetricId.F1}] td.num");
        Assert.DoesNotContain("best", svmF1.ClassName);
        Assert.Equal(["Run 1", "Run 2"], forest.QuerySelectorAll(".comparison-confusion .mud-typography").Select(e => e.TextContent.Trim()));
        Assert.Equal("FP 1 (−1)", System.Text.RegularExpressions.Regex.Replace(forest.QuerySelectorAll("td[data-cell=FP]")[1].TextContent, "\\s+", " ").Trim());
    }

    [Fact]
    public void RunGrid_TwoStoredRuns_OneRowPerAlgorithmNewestFirst()
    {
        var cut = Context.Render<RunGrid>();

        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("a.open-run").Count));
        Assert.Equal("/history/run/second", cut.FindAll("a.open-run")[0].GetAttribute("href"));
        Assert.Contains("moved class balance to 0.6", cut.FindAll(".run-reason")[0].TextContent);
    }

    // Regression runs (a numeric target): R² and the errors are compared, no confusion matrices or ROC curves.

    /// <summary>Two stored regression runs: the forest better in the second (closer predictions), the SVR worse.</summary>
    private async Task SaveRegressionRunsAsync()
    {
        double[] close = [105_000, 150_000, 175_000, 230_000, 330_000, 420_000], rough = [130_000, 140_000, 200_000, 200_000, 260_000, 330_000];
        await _store.SaveAsync(RunFixtures.Run("reg-first", RunFixtures.Start.AddMinutes(5), reason: "baseline",
            results: [TestResults.Regressed("random-forest", rough), TestResults.Regressed("svm", close)]), CancellationToken.None);
        await _store.SaveAsync(RunFixtures.Run("reg-second", RunFixtures.Start.AddMinutes(6), reason: "moved rare values to 0.5",
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
}
