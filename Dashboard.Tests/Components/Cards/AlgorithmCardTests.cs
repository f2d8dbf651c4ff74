using Bunit;
using Dashboard.Components.Cards;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using MudBlazor;
using MudBlazor.Extensions;

namespace Dashboard.Tests.Components.Cards;

public class AlgorithmCardTests : ComponentTest
{
    private static readonly AlgorithmDescriptor LightGbm = AlgorithmCatalog.Get("lightgbm");
    private readonly List<AlgorithmSettingsChange> _applied = [];
    private readonly List<double> _thresholds = [];

    public AlgorithmCardTests() => RenderPopoverProvider();

    private IRenderedComponent<AlgorithmCard> RenderCard(AlgorithmResult? result, Action<ComponentParameterCollectionBuilder<AlgorithmCard>>? more = null,
        AlgorithmDescriptor? algorithm = null) =>
        Context.Render<AlgorithmCard>(p =>
        {
            p.Add(c => c.Algorithm, algorithm ?? LightGbm)
                .Add(c => c.Result, result)
                .Add(c => c.TestLabels, TestResults.Labels)
                .Add(c => c.Classes, new ClassLabels("survived", "yes", "no"))
                .Add(c => c.SettingsApplied, change => _applied.Add(change))
                .Add(c => c.ThresholdChanged, threshold => _thresholds.Add(threshold));
            more?.Invoke(p);
        });

    private static string MetricCell(IRenderedComponent<AlgorithmCard> cut, MetricId metric) =>
        cut.Find($"tr[data-metric={metric}] td.num").TextContent.Trim();

    [Fact]
    public void Render_CompletedResult_ShowsConfusionCountsF1AndMetrics()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var expected = TestResults.MetricsAt(TestResults.GoodScores, 0.5);

        var cut = RenderCard(result);

        Assert.Equal("3", cut.Find("td[data-cell=TP]").TextContent);
        Assert.Equal("2", cut.Find("td[data-cell=FP]").TextContent);
        Assert.Equal("6", cut.Find("td[data-cell=TN]").TextContent);
        Assert.Equal("1", cut.Find("td[data-cell=FN]").TextContent);
        Assert.Equal(DisplayFormat.Metric(expected.F1), cut.Find(".f1-value").TextContent);
        Assert.Equal(DisplayFormat.Metric(expected.Precision), MetricCell(cut, MetricId.Precision));
        Assert.Equal(DisplayFormat.Metric(expected.RocAuc), MetricCell(cut, MetricId.RocAuc));
        Assert.Contains("fit 0.42 s on 36 training rows", cut.Find(".fit-time").TextContent);
        Assert.Contains("gradient boosting", cut.Find(".algorithm-role").TextContent);
    }

    [Fact]
    public void Render_Regressor_RSquaredHeadlineErrorsAndChangesAgainstTheBaseline_NoThresholdNoClassWeight()
    {
        var svr = AlgorithmCatalog.Get("svm", Dashboard.Core.Data.TargetTask.Regression);
        var result = TestResults.Regressed("svm", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000]);
        var baseline = TestResults.Regressed("svm", [130_000, 140_000, 200_000, 200_000, 260_000, 330_000]);

        var cut = RenderCard(result, p => p.Add(c => c.Baseline, baseline).Add(c => c.Relevance, TestResults.Relevance), svr);

        Assert.Equal(DisplayFormat.Metric(result.Regression!.R2), cut.Find(".r2-value").TextContent);
        Assert.Equal(DisplayFormat.Delta(result.Regression.R2 - baseline.Regression!.R2) + " vs baseline", cut.Find(".r2-delta").TextContent.Trim());
        // Rare-range MAE: 40,000 now (320,000 → 300,000, 450,000 → 390,000) against 90,000 at baseline (→ 260,000, → 330,000).
        var rare = cut.Find("tr[data-metric=RareMae]");
        Assert.Equal("40,000", rare.QuerySelector("td.num")!.TextContent.Trim());
        Assert.Equal("\u221250,000", rare.QuerySelector("td.delta")!.TextContent.Trim());
        Assert.Empty(cut.FindAll(".threshold-slider"));
        Assert.Empty(cut.FindAll(".class-weight"));
        Assert.Empty(cut.FindAll("td[data-cell=TP]"));
        Assert.Contains("fit 0.42 s on 36 training rows", cut.Find(".fit-time").TextContent);
    }

    [Fact]
    public void Render_WithBaseline_F1ChangeAgainstIt()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores);
        var baseline = TestResults.Completed("lightgbm", TestResults.WeakScores);
        var delta = result.Metrics!.F1 - baseline.Metrics!.F1;

        var cut = RenderCard(result, p => p.Add(c => c.Baseline, baseline));

        Assert.True(delta > 0.001);
        Assert.Equal($"+{delta:0.000} vs baseline, both at threshold 0.500", cut.Find(".f1-delta").TextContent.Trim());
    }

    [Fact]
    public void Threshold_Moved_MetricsRecomputedFromScoresWithoutRetraining()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));
        var at03 = TestResults.MetricsAt(TestResults.GoodScores, 0.3);
        Assert.NotEqual(DisplayFormat.Metric(at03.Recall), MetricCell(cut, MetricId.Recall));

        cut.Find(".threshold-slider input").Input("0.3");

        Assert.Equal(DisplayFormat.Metric(at03.Recall), MetricCell(cut, MetricId.Recall));
        Assert.Equal(DisplayFormat.Metric(at03.F1), cut.Find(".f1-value").TextContent);
        Assert.Equal(at03.Confusion.TruePositives.ToString(), cut.Find("td[data-cell=TP]").TextContent);
        Assert.Equal([0.3], _thresholds);
        Assert.Empty(_applied);
    }

    [Fact]
    public void BestThreshold_Found_AppliedAndExplained()
    {
        var asked = new List<MetricId>();
        var found = new ValidationThresholdResult("lightgbm", new ThresholdChoice(MetricId.F1, 0.3, 0.812), ValidationRows: 367, FitRows: 1_468);
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.FindBestThreshold, (metric, _) =>
        {
            asked.Add(metric);
            return Task.FromResult(found);
        }));

        cut.Find("button.find-threshold").Click();

        // The button's handler may complete after an await: wait for the card instead of racing it.
        cut.WaitForAssertion(() => Assert.Equal([0.3], _thresholds));
        Assert.Equal([MetricId.F1], asked);
        var at03 = TestResults.MetricsAt(TestResults.GoodScores, 0.3);
        Assert.Equal(DisplayFormat.Metric(at03.F1), cut.Find(".f1-value").TextContent);
        var outcome = cut.Find(".threshold-outcome").TextContent;
        Assert.Contains("Best F1 score on 367 validation rows", outcome);
        Assert.Contains("0.812 at threshold 0.300", outcome);
    }

    [Fact]
    public void BestThreshold_Fails_MessageInTheCard_ThresholdKept()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.FindBestThreshold,
            (_, _) => Task.FromException<ValidationThresholdResult>(new InvalidOperationException("The data set is still loading; try again once the first results are in."))));

        cut.Find("button.find-threshold").Click();

        cut.WaitForAssertion(() => Assert.Contains("Could not choose a threshold: The data set is still loading", cut.Find(".threshold-outcome").TextContent));
        Assert.Empty(_thresholds);
    }

    [Fact]
    public void BestThreshold_NoFinder_NoControl_AndSomeoneElsesSeat_Disabled()
    {
        Assert.Empty(RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores)).FindAll("button.find-threshold"));

        var locked = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p
            .Add(c => c.ThresholdLocked, true)
            .Add(c => c.FindBestThreshold, (_, _) => throw new InvalidOperationException("must not be called")));

        Assert.True(locked.Find("button.find-threshold").HasAttribute("disabled"));
        Assert.True(locked.Find(".threshold-slider input").HasAttribute("disabled"));
    }

    [Fact]
    public void ThresholdLocked_OwnSeatInClassroomMode_SettingsEditableThresholdNot()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.ThresholdLocked, true));

        Assert.True(cut.Find(".threshold-slider input").HasAttribute("disabled"));
        Assert.All(cut.FindComponents<MudToggleGroup<ClassWeightMode>>(), group => Assert.False(group.Instance.GetState(x => x.Disabled)));
    }

    [Fact]
    public void Leaky_CardCarriesABadge_NotOtherwise()
    {
        var leaky = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.Leaky, true));
        var honest = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));

        Assert.Equal("LEAKY", leaky.Find(".leaky-badge").TextContent.Trim());
        Assert.Empty(honest.FindAll(".leaky-badge"));
    }

    [Fact]
    public void Threshold_AboveEveryScore_AccuracyParadoxSaidInPlainWords()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.Threshold, 0.95));

        // 4 yes rows and 8 no rows, none predicted yes: 8 of 12 right.
        Assert.Equal("Finds none of the 4 yes rows: it calls every row no. Its 67% accuracy is just the share of no rows.",
            cut.Find(".one-class-warning").TextContent.Trim());
        Assert.Equal("0.667", MetricCell(cut, MetricId.Accuracy));
    }

    [Fact]
    public void Threshold_BelowEveryScore_EveryRowYesSaid_BothClassesPredicted_NoWarning()
    {
        var everyRowYes = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.Threshold, 0.0));
        var both = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));

        Assert.Equal("Calls every row yes: it finds all 4 yes rows but none of the 8 no rows. Its 33% accuracy is just the share of yes rows.",
            everyRowYes.Find(".one-class-warning").TextContent.Trim());
        Assert.Empty(both.FindAll(".one-class-warning"));
    }

    [Fact]
    public void Threshold_AboveEveryScore_UndefinedMetricsFlaggedNotNaN()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.Threshold, 0.95));

        Assert.Equal("n/a", MetricCell(cut, MetricId.Precision));
        Assert.Equal("n/a", MetricCell(cut, MetricId.Mcc));
        Assert.DoesNotContain("NaN", cut.Markup);
    }

    [Fact]
    public void ReadOnly_SeatHeldByAna_ControlsDisabledAndHolderShown()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores),
            p => p.Add(c => c.ReadOnly, true).Add(c => c.ThresholdLocked, true).Add(c => c.SeatHolder, "Ana"));

        Assert.Contains("Ana tunes this", cut.Find(".seat-holder").TextContent);
        var inputs = cut.FindAll("input");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.True(cut.Find("button.apply-settings").HasAttribute("disabled"));
        Assert.All(cut.FindComponents<MudToggleGroup<ClassWeightMode>>(), group => Assert.True(group.Instance.GetState(x => x.Disabled)));
    }

    [Fact]
    public void Hyperparameter_OutOfRange_ValidationMessageAndNothingApplied()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));

        cut.Find("input[data-hyperparameter=iterations]").Change("5000");

        Assert.Contains("Boosting rounds must be between 10 and 1000; 5000 was given.", cut.Markup);
        Assert.True(cut.Find("button.apply-settings").HasAttribute("disabled"));
        Assert.Empty(_applied);
    }

    [Fact]
    public void Hyperparameter_ValidChangeApplied_RaisedOnceWithOnlyTheChangedValue()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));

        cut.Find("input[data-hyperparameter=iterations]").Change("200");
        cut.Find("button.apply-settings").Click();

        var change = Assert.Single(_applied);
        Assert.Equal("lightgbm", change.AlgorithmId);
        Assert.Equal(new Dictionary<string, double> { ["iterations"] = 200 }, change.Hyperparameters.Values);
        Assert.Equal(ClassWeighting.None, change.ClassWeight);
        Assert.True(cut.Find("button.apply-settings").HasAttribute("disabled"));
    }

    [Fact]
    public void Caption_ShownUnderTheName_OnlyWhenTheAlgorithmHasOne()
    {
        var ensemble = AlgorithmCatalog.Get("balanced-random-forest");

        var withCaption = RenderCard(null, algorithm: ensemble);
        var without = RenderCard(null, algorithm: AlgorithmCatalog.Get("svm"));

        Assert.Equal(ensemble.Caption, withCaption.Find(".algorithm-caption").TextContent.Trim());
        Assert.Contains("Balances the classes again inside", withCaption.Markup);
        Assert.Empty(without.FindAll(".algorithm-caption"));
    }

    [Fact]
    public void ClassWeight_CustomWeightOutOfRange_MessageAndNothingApplied()
    {
        // An algorithm that applies class weights its own way says so beside the option.
        var noted = AlgorithmCatalog.Get("svm") with { ClassWeightNote = "This algorithm repeats rows instead of weighting them." };
        var cut = RenderCard(null, algorithm: noted);
        Assert.Contains(noted.ClassWeightNote!, cut.Find(".class-weight-note").TextContent);

        cut.FindAll(".class-weight-mode button").Single(b => b.TextContent.Contains("custom", StringComparison.OrdinalIgnoreCase)).Click();
        cut.Find(".positive-weight input").Change("0");

        Assert.Contains("The weight must be above 0 and at most 1000", cut.Markup);
        Assert.True(cut.Find("button.apply-settings").HasAttribute("disabled"));
        Assert.Empty(_applied);
    }

    [Fact]
    public void Render_FailedResult_ErrorInAnAlertAndTheRestStillWorks()
    {
        var cut = RenderCard(TestResults.Failed("lightgbm", "LightGBM needs at least one row of each class."));

        var alert = cut.FindComponent<MudAlert>();
        Assert.Contains("LightGBM needs at least one row of each class.", alert.Markup);
        Assert.False(cut.HasComponent<ConfusionMatrixChart>());
        Assert.Empty(cut.FindAll(".f1-value"));

        // The settings still work, so the user can fix what made training fail.
        cut.Find("input[data-hyperparameter=iterations]").Change("50");
        cut.Find("button.apply-settings").Click();
        Assert.Single(_applied);
    }

    [Fact]
    public void Status_Training_ProgressBarAndMessage()
    {
        var cut = RenderCard(null, p => p.Add(c => c.Activity, AlgorithmActivity.Training).Add(c => c.StatusMessage, "resampling"));

        var progress = cut.FindComponent<MudProgressLinear>();
        Assert.True(progress.Instance.Indeterminate);
        Assert.Contains("resampling", cut.Find(".status-line").TextContent);
    }

    [Fact]
    public void Render_NewResultArrives_KeepsTheUsersThreshold()
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores));
        cut.Find(".threshold-slider input").Input("0.3");

        cut.Render(p => p.Add(c => c.Result, TestResults.Completed("lightgbm", TestResults.WeakScores)));

        Assert.Equal(DisplayFormat.Metric(TestResults.MetricsAt(TestResults.WeakScores, 0.3).F1), cut.Find(".f1-value").TextContent);
    }

    [Theory]
    [InlineData(ResultOrigin.Trained, "")]
    [InlineData(ResultOrigin.Cache, "from the cache ·")]
    [InlineData(ResultOrigin.Speculation, "trained ahead ·")]
    public void Render_ResultOrigin_SaidBeforeTheFitTime(ResultOrigin origin, string said)
    {
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores) with { Origin = origin });

        var line = cut.Find(".fit-time").TextContent.Trim();
        Assert.Equal(said, cut.FindAll(".from-cache").SingleOrDefault()?.TextContent ?? "");
        Assert.StartsWith(said == "" ? "fit " : said, line);
    }

    [Fact]
    public void ExpectedCost_AtTheCardsThreshold_WithTheTheoreticalThresholdBeside()
    {
        // GoodScores at 0.5: TP 3, FN 1, FP 2, TN 6 of 12 rows. Costs 5 / 1: (5·1 + 1·2) / 12 = 0.583; C_FP / (C_FP + C_FN) = 1/6.
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p.Add(c => c.Costs, new CostMatrix(5, 1)));

        Assert.Equal("0.583", cut.Find(".expected-cost").TextContent);
        Assert.Equal("= (5 × 1 FN + 1 × 2 FP) / 12", string.Join(' ', cut.Find(".cost-formula").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("0.167", cut.Find(".theoretical-threshold").TextContent);

        // At 0.3 every positive is found and 4 negatives are called positive: (5·0 + 1·4) / 12.
        cut.Render(p => p.Add(c => c.Threshold, 0.3));
        Assert.Equal("0.333", cut.Find(".expected-cost").TextContent);
        // With 1 and 1 the expected cost is the error rate: 3 mistakes of 12 at 0.5.
        cut.Render(p => p.Add(c => c.Threshold, 0.5).Add(c => c.Costs, CostMatrix.Equal));
        Assert.Equal("0.250", cut.Find(".expected-cost").TextContent);
    }

    [Fact]
    public void ClassWeight_FromCosts_AppliesTheRoomsCFnOverCFp()
    {
        var cut = RenderCard(null, p => p.Add(c => c.Costs, new CostMatrix(5, 2)));

        cut.FindAll(".class-weight-mode button").Single(b => b.TextContent.Contains("from costs", StringComparison.OrdinalIgnoreCase)).Click();
        Assert.Contains("C_FN / C_FP = 5 / 2 = 2.5", cut.Find(".from-costs-weight").TextContent);
        cut.Find("button.apply-settings").Click();

        Assert.Equal(new ClassWeighting(ClassWeightMode.FromCosts, 2.5), Assert.Single(_applied).ClassWeight);
    }

    [Theory]
    [InlineData("balanced-bagging", "undersamples inside each bag/tree: the sliders' resampling comes first")]
    [InlineData("pca-anomaly", "it never saw a positive training row")]
    public void Render_EnsembleOrDetector_SaysWhatItDoesWithTheClasses(string algorithmId, string said)
    {
        var cut = RenderCard(null, algorithm: AlgorithmCatalog.Get(algorithmId));

        Assert.Contains(said, cut.Find(".kind-note").TextContent);
        Assert.Empty(RenderCard(null).FindAll(".kind-note"));
    }

    [Fact]
    public void BestThreshold_LowestCost_AppliedAndExplainedWithTheCosts()
    {
        var found = new ValidationCostThresholdResult("lightgbm", new CostThresholdChoice(new CostMatrix(5, 1), 0.3, 0.25), ValidationRows: 367, FitRows: 1_468);
        var cut = RenderCard(TestResults.Completed("lightgbm", TestResults.GoodScores), p => p
            .Add(c => c.FindBestThreshold, (_, _) => throw new InvalidOperationException("the metric search must not run"))
            .Add(c => c.FindLowestCostThreshold, _ => Task.FromResult(found)));

        // "lowest cost" is the select's no-metric choice.
        var select = cut.FindComponent<MudSelect<MetricId?>>();
        cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(null));
        cut.Find("button.find-threshold").Click();

        cut.WaitForAssertion(() => Assert.Equal([0.3], _thresholds));
        var outcome = cut.Find(".threshold-outcome").TextContent;
        Assert.Contains("Lowest expected cost (a false negative costs 5, a false positive 1) on 367 validation rows", outcome);
        Assert.Contains("0.250 per row at threshold 0.300", outcome);
    }

    [Fact]
    public void CellButton_WithOnCellChosen_RaisesTheCellAtTheCardsThreshold_WithoutItTheMatrixIsNotClickable()
    {
        var result = TestResults.Completed("lightgbm", TestResults.GoodScores, threshold: 0.35);
        var chosen = new List<Dashboard.Components.Explanations.CellChoice>();
        var plain = RenderCard(result, p => p.Add(c => c.Threshold, 0.35));
        var cut = RenderCard(result, p => p.Add(c => c.Threshold, 0.35).Add(c => c.OnCellChosen, choice => chosen.Add(choice)));

        cut.Find("button.cell-button[data-cell=FP]").Click();

        Assert.Empty(plain.FindAll("button.cell-button"));
        Assert.Equal(["TN 4", "FP 4", "FN 1", "TP 3"], cut.FindAll("button.cell-button").Select(b => b.TextContent.Trim()));
        Assert.Equal([new Dashboard.Components.Explanations.CellChoice("lightgbm", ConfusionCell.FalsePositive, 0.35)], chosen);
    }
}
