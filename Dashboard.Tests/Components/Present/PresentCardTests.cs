using Bunit;
using Dashboard.Components.Present;
using Dashboard.Components.Shared;

namespace Dashboard.Tests.Components.Present;

/// <summary>A card of the class view: the counts and metrics as big numbers, and the flags a class must not miss.</summary>
public class PresentCardTests : ComponentTest
{
    private static readonly ClassLabels Survival = new("survived", "yes", "no");

    private IRenderedComponent<PresentCard> Render(Dashboard.Core.Training.AlgorithmResult? result, bool leaky = false, bool training = false) =>
        Context.Render<PresentCard>(p => p.Add(c => c.AlgorithmId, "svm").Add(c => c.Result, result).Add(c => c.Classes, Survival)
            .Add(c => c.Leaky, leaky).Add(c => c.Training, training));

    [Fact]
    public void Result_ConfusionCountsAndMetricsAtItsThreshold()
    {
        var cut = Render(TestResults.Completed("svm", TestResults.GoodScores)); // at 0.5: TP 3, FN 1, FP 2, TN 6

        Assert.Equal(["6", "2", "1", "3"], new[] { "TN", "FP", "FN", "TP" }.Select(c => cut.Find($"td[data-cell={c}]").TextContent));
        Assert.Equal(("0.667", "0.750", "0.750"), (cut.Find("dd[data-metric=F1]").TextContent, cut.Find("dd[data-metric=Recall]").TextContent,
            cut.Find("dd[data-metric=Specificity]").TextContent));
        Assert.Empty(cut.FindAll(".present-flag"));
        Assert.Empty(cut.FindAll(".present-leaky-badge"));
    }

    [Fact]
    public void NoPositiveCalled_TheAccuracyParadoxInWords()
    {
        var cut = Render(TestResults.Completed("svm", TestResults.GoodScores, threshold: 0.95));

        Assert.Equal("Finds none of the 4 yes rows: it calls every row no. Its 67% accuracy is just the share of no rows.", cut.Find(".present-flag").TextContent);
    }

    [Fact]
    public void LeakyAndTraining_BadgedAndDimmed_NoResultYetSaysTraining()
    {
        var cut = Render(TestResults.Completed("svm", TestResults.GoodScores), leaky: true, training: true);
        var waiting = Render(null);

        Assert.Equal("leaky", cut.Find(".present-leaky-badge").TextContent);
        Assert.Contains("is-training", cut.Find("article").ClassList);
        Assert.Equal("training…", waiting.Find(".present-waiting").TextContent);
    }
}
