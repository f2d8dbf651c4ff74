using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Export;

public partial class HtmlReportTests
{
    // The report's own font sizes (its style sheet): legend and tick text 11 px, axis titles 12 px.
    private const int LegendFontPx = 11;
    private const int AxisFontPx = 12;

    [GeneratedRegex("<svg [^>]*aria-label=\"(?<title>[^\"]*)\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("<text x=\"[^\"]*\" y=\"(?<y>[\\d.]+)\" text-anchor=\"middle\" class=\"axis\">")]
    private static partial Regex XAxisTitle();

    [GeneratedRegex("<text x=\"[^\"]*\" y=\"(?<y>[\\d.]+)\" class=\"legend\">")]
    private static partial Regex LegendText();

    private static string Chart(string html, string title) =>
        Svg().Matches(html).Single(m => m.Groups["title"].Value == title).Value;

    private static string Report(MetricId metric = MetricId.F1, params RecordedRun[] runs) =>
        HtmlReport.Build(runs.Length > 0 ? runs : [RunFixtures.Run("run1", RunFixtures.Start)], metric, RunFixtures.Start.AddHours(1));

    [Fact]
    public void Build_RegressionRun_RunTableShowsRSquaredAndErrors_NotTheClassificationMetrics()
    {
        var regressed = Dashboard.Tests.Components.TestResults.Regressed("svm", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000]);

        var html = WebUtility.HtmlDecode(Report(MetricId.F1, RunFixtures.Run("reg", RunFixtures.Start, [regressed])));

        Assert.Contains($"<tr><th>R²</th><td>{RunText.Metric(regressed.Regression!.R2)}</td></tr>", html);
        Assert.Contains($"<tr><th>Rare-range MAE</th><td>{RunText.Number(regressed.Regression.Rare!.MeanAbsoluteError)}</td></tr>", html);
        Assert.DoesNotContain(">Balanced accuracy</th>", html);
    }

    [Fact]
    public void Build_RegressionRuns_JudgedByRSquared_BestAndHistoryChartByRun()
    {
        var weak = Dashboard.Tests.Components.TestResults.Regressed("svm", [130_000, 140_000, 200_000, 200_000, 260_000, 330_000]);
        var good = Dashboard.Tests.Components.TestResults.Regressed("mlp", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000]);
        RecordedRun[] runs = [RunFixtures.Run("reg1", RunFixtures.Start, [weak, good]), RunFixtures.Run("reg2", RunFixtures.Start.AddMinutes(1), [weak])];

        var html = WebUtility.HtmlDecode(Report(MetricId.F1, runs));

        Assert.Contains("judged by R²", html);
        Assert.Contains($"<strong>Linear SVR</strong> with R² {RunText.Metric(weak.Regression!.R2)}", html); // the latest run has only the SVR
        Assert.Contains($"<strong>Neural network regression (MLP)</strong> in run 1", html);
        Assert.Single(Svg().Matches(html), m => m.Groups["title"].Value == "R² by run");
    }

    [Fact]
    public void Build_HostileTexts_AreHtmlEncoded()
    {
        var run = RunFixtures.Run("run1", RunFixtures.Start, reason: "<script>alert('reason')</script>", who: "<img src=x onerror=alert(1)>",
            dataset: RunFixtures.Titanic with { DisplayName = "</title><script>alert(1)</script>", Target = "a\"><b>t", PositiveClass = "<svg onload=alert(2)>" });

        var html = Report(MetricId.F1, run);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"><b>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void Build_IsSelfContained_NoScriptNoExternalResource()
    {
        var html = Report();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html);
    }

    [Theory]
    [InlineData(MetricId.F1, "Random forest")]
    [InlineData(MetricId.Precision, "Linear SVM")]
    public void Build_BestAlgorithm_ByTheChosenMetric(MetricId metric, string expectedWord)
    {
        var run = RunFixtures.Run("run1", RunFixtures.Start);
        var best = BestResult.In(run, metric);

        var html = Report(metric, run);

        Assert.Single(best);
        Assert.Contains(expectedWord, best[0].Result.DisplayName, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<p class=\"best-latest\">In the latest run (moved class balance to 0.5): <strong>{WebUtility.HtmlEncode(best[0].Result.DisplayName)}</strong>", html);
    }

    [Fact]
    public void Build_BundledDataset_CreditLicenceAndMethodology()
    {
        var html = Report();

        Assert.Contains(WebUtility.HtmlEncode(Dashboard.Core.Data.BundledDatasets.Find("titanic")!.Credit), html);
        Assert.Contains("GPL-2 | GPL-3", html);
        Assert.Contains("1,657 training and 552 test rows (test share 25.0%, seed 42)", html);
        Assert.Contains("class &#39;yes&#39;: 30.6% → 50.0% by SMOTE-NC (k=5), +643 −0 rows", html);
        Assert.Contains("k lowered to 4: the group is small.", html);
    }

    [Fact]
    public void Build_ThreeRuns_HistoryRowPerRunAndOneDetailsPerRun_LatestOpen()
    {
        var runs = Enumerable.Range(0, 3).Select(i => RunFixtures.Run($"run{i}", RunFixtures.Start.AddMinutes(i), reason: $"move {i}")).Reverse().ToArray();

        var html = Report(MetricId.F1, runs);

        var history = html[html.IndexOf("<table class=\"history\">", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(3, history.Split("<tr><td class=\"num\">").Length - 1);
        Assert.True(history.IndexOf("move 0", StringComparison.Ordinal) < history.IndexOf("move 2", StringComparison.Ordinal), "oldest first");
        Assert.Equal(3, html.Split("<details class=\"run\"").Length - 1);
        Assert.Contains("<details class=\"run\" data-run=\"run2\" open>", html);
        Assert.Contains("<details class=\"run\" data-run=\"run0\">", html);
        var chart = html[html.IndexOf("aria-label=\"F1 score by run\"", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Contains("class=\"tick\">3</text>", chart);
        Assert.DoesNotContain("class=\"tick\">1.5</text>", chart); // runs are whole numbers
        Assert.Equal(9, chart.Split("<circle").Length - 1); // a marker per run for each algorithm with metrics (the failed MLP has none)
    }

    [Fact]
    public void Build_LeakyRun_IsFlaggedAndLeftOutOfOverallBest()
    {
        var leaky = RunFixtures.Run("leaky", RunFixtures.Start.AddMinutes(1), leaky: true,
            results: [RunFixtures.Result("lightgbm", RunFixtures.Labels.Select(l => (double)l).ToArray())]);
        var honest = RunFixtures.Run("honest", RunFixtures.Start);

        var html = Report(MetricId.F1, honest, leaky);

        Assert.Contains("LEAKY MODE", html);
        Assert.Contains("<p class=\"best-overall\">Over all runs (leaky ones left out): <strong>Random forest</strong> in run 1", html);
        Assert.Contains("(a LEAKY run: resampled before the split, so its scores are inflated and compare with no honest run).</p>", html);
    }

    [Fact]
    public void Build_ConfusionMatrix_CountsInTheDatasetsWords()
    {
        var html = Report();

        var lightgbm = html[html.IndexOf("<figure class=\"confusion\" data-algorithm=\"lightgbm\">", StringComparison.Ordinal)..];
        lightgbm = lightgbm[..lightgbm.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.Contains("predicted survived=yes", lightgbm);
        Assert.Contains("TN 6<br>85.7%", lightgbm);
        Assert.Contains("FP 1<br>14.3%", lightgbm);
        Assert.Contains("FN 1<br>33.3%", lightgbm);
        Assert.Contains("TP 2<br>66.7%", lightgbm);
    }

    [Fact]
    public void Build_RunDetails_PrecisionRecallBesideRoc_StepCurvesAndNoSkillLineAtThePositiveRate()
    {
        var html = Report();

        var curves = html[html.IndexOf("<div class=\"curves\">", StringComparison.Ordinal)..];
        curves = curves[..curves.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("aria-label=\"ROC curves\"", curves);
        var pr = Chart(curves, "Precision-recall curves");
        // 3 of the 10 test rows are positive: a guess is right 30 % of the time at any recall.
        Assert.Contains("class=\"legend\">no skill (0.300 positive)</text>", pr);
        Assert.Contains("stroke-dasharray=\"4 4\"", pr);
        Assert.Contains("(PR AUC ", pr);
        Assert.Equal(1 + 3, Regex.Matches(pr, "<polyline").Count); // the no-skill line and the three algorithms with metrics (the MLP failed)
    }

    [Fact]
    public void Build_EveryChart_LegendBelowTheXAxisTitle_OneEntryARow()
    {
        var runs = Enumerable.Range(0, 3).Select(i => RunFixtures.Run($"run{i}", RunFixtures.Start.AddMinutes(i))).ToArray();

        var html = Report(MetricId.F1, runs);

        var charts = Svg().Matches(html).Select(m => m.Groups["title"].Value).ToList();
        Assert.Contains("F1 score by run", charts);
        Assert.Contains("ROC curves", charts);
        Assert.Contains("Precision-recall curves", charts);
        foreach (var match in Svg().Matches(html).Cast<Match>())
        {
            var svg = match.Value;
            var axisBaseline = double.Parse(XAxisTitle().Match(svg).Groups["y"].Value, CultureInfo.InvariantCulture);
            var legend = LegendText().Matches(svg).Select(m => double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(legend);
            // The axis title's descenders ("p", "y") reach a quarter of its size below the baseline; the legend's capitals a full size above.
            Assert.True(legend.Min() - LegendFontPx > axisBaseline + AxisFontPx / 4.0,
                $"{match.Groups["title"].Value}: legend at {legend.Min()} runs into the x axis title at {axisBaseline}");
            Assert.Equal(legend.Count, legend.Distinct().Count()); // one a row: a long name never runs into the next
            var height = double.Parse(Regex.Match(svg, "height=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(legend.Max() < height, "the last legend row is inside the picture");
        }
    }

    [Fact]
    public void Build_RunWithCosts_ExpectedCostPerAlgorithm_WithOneAndOneNoCostRow()
    {
        // RunFixtures at 0.5 (3 positive, 7 negative test rows): LightGBM 1 FN 1 FP, random forest 0 FN 2 FP, SVM 2 FN 0 FP, MLP failed.
        var run = RunFixtures.Run("run1", RunFixtures.Start) with { Costs = new Dashboard.Core.Metrics.CostMatrix(5, 1) };

        var html = HtmlReport.Build([run], MetricId.F1, RunFixtures.Start.AddHours(1));

        Assert.Contains("<tr><th>expected cost per test row (a false negative costs 5, a false positive 1; lower is better)</th>" +
            "<td>0.600</td><td>0.200</td><td>1.000</td>", html);
        Assert.DoesNotContain("expected cost per test row", Report());
    }
}
