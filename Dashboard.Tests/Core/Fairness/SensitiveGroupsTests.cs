using Dashboard.Core.Data;
using Dashboard.Core.Fairness;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Components;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Fairness;

public class SensitiveGroupsTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    private static bool IsFemale(int row) => Titanic.Data.Data.Column("gender").FormatValue(row) == "female";

    [Fact]
    public void RatesOf_ModelFlagsExactlyTheWomen_CountsFromTheSplitAndGapsOfOne()
    {
        var groups = SensitiveGroups.Of(Titanic, "gender");
        var testRows = Titanic.Split.TestRows;
        var scores = testRows.Select(r => IsFemale(r) ? 0.9 : 0.1).ToArray();
        var result = TestResults.Completed("lightgbm", scores, labels: [.. Titanic.TestLabels]);

        var report = groups.RatesOf(result)!;

        var women = report.Groups.Single(g => g.Group == "female");
        var men = report.Groups.Single(g => g.Group == "male");
        Assert.Equal(testRows.Count(IsFemale), women.Rows);
        Assert.Equal(testRows.Count(r => IsFemale(r) && Titanic.Data.Labels[r] == 1), women.Positives);
        Assert.Equal(testRows.Count(r => !IsFemale(r)), men.Rows);
        Assert.Equal((1.0, 1.0, 1.0), (women.Recall, women.FalsePositiveRate, women.SelectionRate));
        Assert.Equal((0.0, 0.0, 0.0), (men.Recall, men.FalsePositiveRate, men.SelectionRate));
        Assert.Equal([GroupMetric.Precision], men.Undefined); // the model flags no man: precision has no denominator
        Assert.Equal((1.0, "female", "male"), (report.EqualOpportunity!.Difference, report.EqualOpportunity.HighestGroup, report.EqualOpportunity.LowestGroup));
        Assert.Equal(1.0, report.DemographicParity!.Difference);
        Assert.Equal(0.5, report.Threshold);
    }

    [Fact]
    public void RatesOf_ScoresOfOtherRows_NullNotMisattributed()
    {
        var groups = SensitiveGroups.Of(Titanic, "gender");
        // Leaky mode tests on rows split off after resampling: as many scores as test rows would be a coincidence, other labels are not.
        var leaky = TestResults.Completed("svm", TestResults.GoodScores);

        Assert.Null(groups.RatesOf(leaky));
        Assert.Null(groups.RatesOf(TestResults.Failed("svm", "it broke")));
    }

    [Fact]
    public void Of_TitanicGender_OnlyNameFlaggedAndItIsNoFeature()
    {
        var groups = SensitiveGroups.Of(Titanic, "gender");

        Assert.Equal(["name"], groups.Flagged.Select(p => p.Column));
        Assert.False(groups.IsFeature("name")); // identifier-like: left out of the features by default
        Assert.True(groups.IsFeature("age"));
        Assert.DoesNotContain(groups.Proxies, p => p.Column is "gender" or "survived");
    }

    [Fact]
    public void Of_ColumnThatCannotBeSensitive_ThrowsTheSentence()
    {
        var error = Assert.Throws<ArgumentException>(() => SensitiveGroups.Of(Titanic, "survived"));

        Assert.StartsWith("'survived' is what the models predict; the sensitive column must be another one", error.Message);
    }

    [Theory]
    [InlineData("gender", null)]
    [InlineData("age", null)] // numeric: quartiles of the training rows
    [InlineData("class", null)]
    [InlineData("name", "'name' has a different value in nearly every row, so each group would be one person. Pick a column with a few groups (e.g. gender, an ethnicity, an age band).")]
    [InlineData("survived", "'survived' is what the models predict; the sensitive column must be another one (e.g. gender or an age band).")]
    [InlineData("country", "'country' has 49 groups; a sensitive column can have at most 12, so each group keeps enough test rows to compare.")]
    public void Problem_TitanicColumns_OnlyColumnsWithAFewGroups(string column, string? problem)
    {
        Assert.Equal(problem, SensitiveColumns.Problem(Titanic.Data, column));
    }

    [Fact]
    public void Problem_UnknownColumn_ListsTheCandidates()
    {
        var problem = SensitiveColumns.Problem(Titanic.Data, "ethnicity");

        Assert.Equal($"This data set has no column 'ethnicity'. Pick one of: {string.Join(", ", SensitiveColumns.Candidates(Titanic.Data))}.", problem);
        Assert.Contains("gender", SensitiveColumns.Candidates(Titanic.Data));
        Assert.DoesNotContain("name", SensitiveColumns.Candidates(Titanic.Data));
    }

    /// <summary>A history point whose model flags every woman and, at 0.6, the men who survived: the gaps follow its threshold.</summary>
    private static HistoryPoint PointAt(double threshold, bool keepScores = true)
    {
        var testRows = Titanic.Split.TestRows;
        var labels = Titanic.TestLabels.ToArray();
        var scores = testRows.Select((r, i) => IsFemale(r) ? 0.9 : labels[i] == 1 ? 0.6 : 0.1).ToArray();
        var point = new HistoryPoint("run-1", "lightgbm", null, "baseline", 0.38, new ScoredPredictions(labels, scores).MetricsAt(threshold), Leaky: false);
        return keepScores ? point with { Predictions = (scores, labels) } : point;
    }

    [Fact]
    public void RatesOfHistoryPoint_HandComputedGaps_AtThePointsThreshold()
    {
        var groups = SensitiveGroups.Of(Titanic, "gender");
        var men = Titanic.Split.TestRows.Where(r => !IsFemale(r)).ToArray();
        var survivingMen = men.Count(r => Titanic.Data.Labels[r] == 1);

        // At 0.5 every woman and every surviving man is flagged: recall 1 in both groups (no equal-opportunity gap), but the
        // model flags all women and only the surviving men: demographic-parity difference 1 − survivors / men.
        var at05 = groups.RatesOf(PointAt(0.5))!;
        Assert.Equal(0.0, at05.EqualOpportunity!.Difference);
        Assert.Equal(1.0 - survivingMen / (double)men.Length, at05.DemographicParity!.Difference, 12);
        Assert.Equal(("female", "male"), (at05.DemographicParity.HighestGroup, at05.DemographicParity.LowestGroup));

        // At 0.7 (the card's threshold moved; the point re-scored from its kept scores) no man is flagged: both gaps are 1.
        var at07 = groups.RatesOf(PointAt(0.5).AtThreshold(0.7))!;
        Assert.Equal((1.0, 1.0), (at07.EqualOpportunity!.Difference, at07.DemographicParity!.Difference));
        Assert.Equal(0.7, at07.Threshold);
    }

    [Fact]
    public void RatesOfHistoryPoint_NoKeptScoresOrOtherRows_NullNotZero()
    {
        var groups = SensitiveGroups.Of(Titanic, "gender");
        var leaky = new HistoryPoint("run-2", "svm", null, "baseline", 0.38, TestResults.MetricsAt(TestResults.GoodScores, 0.5), Leaky: true)
        {
            Predictions = (TestResults.GoodScores, TestResults.Labels),
        };

        Assert.Null(groups.RatesOf(PointAt(0.5, keepScores: false))); // reopened from storage: metrics only
        Assert.Null(groups.RatesOf(leaky)); // leaky mode: scores of rows split off after resampling
    }
}
