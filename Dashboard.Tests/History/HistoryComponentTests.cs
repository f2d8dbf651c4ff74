using Bunit;
using Dashboard.Components.History;
using Dashboard.Core.Metrics;
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
}
