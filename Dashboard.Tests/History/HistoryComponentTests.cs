using Bunit;
using Dashboard.Components.History;
using Dashboard.Core.Metrics;
using Dashboard.Storage;
using Dashboard.Tests.Components;
using Dashboard.Tests.Export;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.History;

/// <summary>The history views rendered over a real SQLite store.</summary>
public class HistoryComponentTests : StoredRunsComponentTest
{
    protected override async Task SeedAsync()
    {
        await Store.SaveAsync(RunFixtures.Run("first", RunFixtures.Start), CancellationToken.None);
        await Store.SaveAsync(RunFixtures.Run("second", RunFixtures.Start.AddMinutes(1), reason: "moved class balance to 0.6",
            results: [RunFixtures.Result("lightgbm", RunFixtures.EagerScores), RunFixtures.Result("random-forest", RunFixtures.GoodScores),
                RunFixtures.Result("svm", RunFixtures.ShyScores), RunFixtures.Failed("mlp")]), CancellationToken.None);
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

    [Fact]
    public async Task RunGrid_CostColumn_EachRunsOwnCosts_CheapestOfTheRunMarked_RegressionHasNone()
    {
        // A false negative costs 5 in this run: LightGBM (FN 1, FP 1) 0.6 per row, the eager forest (FN 0, FP 2) 0.2, the shy SVM (FN 2) 1.0.
        await Store.SaveAsync(RunFixtures.Run("costly", RunFixtures.Start.AddMinutes(2)) with { Costs = new CostMatrix(5, 1) }, CancellationToken.None);
        await Store.SaveAsync(RunFixtures.Run("numbers", RunFixtures.Start.AddMinutes(3),
            [Components.TestResults.Regressed("svm", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000])]), CancellationToken.None);

        var cut = Context.Render<RunGrid>();
        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("a.open-run").Count));

        var rows = cut.FindAll("tr").Where(tr => tr.QuerySelector("a.open-run") is not null)
            .Select(tr => (Run: tr.QuerySelector("a.open-run")!.GetAttribute("href")!.Split('/')[^1], Cost: tr.QuerySelector(".expected-cost"), NoCost: tr.QuerySelector(".no-cost")))
            .ToList();
        var costly = rows.Where(r => r.Run == "costly").ToList();
        Assert.Equal(["0.600", "0.200", "1.000", null], costly.Select(r => r.Cost?.TextContent));
        Assert.Equal([false, true, false], costly.Take(3).Select(r => r.Cost!.ClassList.Contains("cheapest")));
        Assert.Equal("(FN × 5 + FP × 1) / test rows at threshold 0.500, the run's costs; the cheapest of this run", costly[1].Cost!.GetAttribute("title"));
        // Runs stored with 1 and 1: the cost is the error rate (every one of these three makes 2 mistakes in 10, so all are cheapest).
        Assert.All(rows.Where(r => r.Run == "first").Take(3), r => Assert.Equal("0.200", r.Cost!.TextContent));
        var regression = Assert.Single(rows, r => r.Run == "numbers");
        Assert.Null(regression.Cost);
        Assert.Contains("predicts a number", regression.NoCost!.GetAttribute("title"));

        // Sorted by the column: cheapest first, the rows without a cost (the failed MLPs, the regressor) last.
        cut.FindAll("th").Single(th => th.TextContent.Contains("Cost / row")).QuerySelector("button.sort-direction-icon")!.Click();
        cut.WaitForAssertion(() =>
        {
            var costs = cut.FindAll("tr").Where(tr => tr.QuerySelector("a.open-run") is not null)
                .Select(tr => tr.QuerySelector(".expected-cost")?.TextContent is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : double.PositiveInfinity).ToList();
            Assert.Equal(costs.Order(), costs);
            Assert.Equal(0.2, costs[0]);
            Assert.Equal(1.0, costs[8]); // the SVM of the run whose false negatives cost 5, before the four rows without a cost
        });
    }

    [Fact]
    public async Task CheapestOfEachRun_OneAlgorithmShownPerRun_MarksNothing()
    {
        await Store.SaveAsync(RunFixtures.Run("costly", RunFixtures.Start.AddMinutes(2)) with { Costs = new CostMatrix(5, 1) }, CancellationToken.None);

        var all = await Store.ListAsync(new RunFilter(), CancellationToken.None);
        var svmOnly = await Store.ListAsync(new RunFilter(AlgorithmId: "svm"), CancellationToken.None);

        Assert.Contains(RunGrid.CheapestOfEachRun(all), r => r is { RunId: "costly", AlgorithmId: "random-forest" });
        Assert.Empty(RunGrid.CheapestOfEachRun(svmOnly));
    }
}
