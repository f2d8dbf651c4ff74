using Dashboard.Core.Data;
using Dashboard.Core.Fairness;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Fairness;

public class GroupFairnessTests
{
    // Hand-built case at threshold 0.5 (a row is positive when its score is >= 0.5):
    //   a: labels 1 1 0 0, scores .9 .3 .6 .1  -> TP 1, FN 1, FP 1, TN 1
    //   b: labels 0 0 0,   scores .7 .2 .4     -> FP 1, TN 2 (no positives)
    //   c: label  1,       score  .8           -> TP 1 (one row)
    //   d: labels 1 1 0,   scores .7 .2 .1     -> TP 1, FN 1, TN 1
    //   e: label  0,       score  .1           -> TN 1 (one row, nothing called positive)
    //   f: a category with no test row.
    private static readonly GroupAssignment Groups = new("group", ["a", "b", "c", "d", "e", "f"], []);
    private static readonly int[] Codes = [0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 3, 4];
    private static readonly int[] Labels = [1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0];
    private static readonly double[] Scores = [.9, .3, .6, .1, .7, .2, .4, .8, .7, .2, .1, .1];

    private static GroupFairnessReport HandCase() => GroupFairness.Compute(Labels, Scores, 0.5, Codes, Groups);

    [Fact]
    public void Compute_HandCase_ExactCountsPerGroupAndEmptyGroupLeftOut()
    {
        var report = HandCase();

        Assert.Equal(["a", "b", "c", "d", "e"], report.Groups.Select(g => g.Group));
        Assert.Equal(new ConfusionMatrix(1, 1, 1, 1), report.Groups[0].Confusion);
        Assert.Equal(new ConfusionMatrix(0, 1, 2, 0), report.Groups[1].Confusion);
        Assert.Equal(new ConfusionMatrix(1, 0, 0, 0), report.Groups[2].Confusion);
        Assert.Equal(new ConfusionMatrix(1, 0, 1, 1), report.Groups[3].Confusion);
        Assert.Equal(new ConfusionMatrix(0, 0, 1, 0), report.Groups[4].Confusion);
        Assert.Equal([4, 3, 1, 3, 1], report.Groups.Select(g => g.Rows));
        Assert.Equal([2, 0, 1, 2, 0], report.Groups.Select(g => g.Positives));
    }

    [Fact]
    public void Compute_HandCase_RatesPerGroup()
    {
        var a = HandCase().Groups[0];
        var d = HandCase().Groups[3];

        Assert.Equal((0.5, 0.5, 0.5, 0.5), (a.Recall, a.FalsePositiveRate, a.Precision, a.SelectionRate));
        Assert.Empty(a.Undefined);
        Assert.Equal((0.5, 0.0, 1.0, 1.0 / 3), (d.Recall, d.FalsePositiveRate, d.Precision, d.SelectionRate));
    }

    [Fact]
    public void Compute_GroupWithoutPositives_RecallZeroAndFlaggedUndefined()
    {
        var b = HandCase().Groups[1];

        Assert.Equal(0.0, b.Recall);
        Assert.Equal([GroupMetric.Recall], b.Undefined);
        Assert.Equal(1.0 / 3, b.FalsePositiveRate);
        Assert.Equal(0.0, b.Precision); // TP 0 of FP 1 called positive: defined, and 0
        Assert.True(b.IsDefined(GroupMetric.Precision));
        Assert.Equal(1.0 / 3, b.SelectionRate);
    }

    [Fact]
    public void Compute_OneRowGroups_UndefinedRatesFlaggedNeverNaN()
    {
        var report = HandCase();
        var c = report.Groups[2];
        var e = report.Groups[4];

        Assert.Equal((1.0, 0.0, 1.0, 1.0), (c.Recall, c.FalsePositiveRate, c.Precision, c.SelectionRate));
        Assert.Equal([GroupMetric.FalsePositiveRate], c.Undefined);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (e.Recall, e.FalsePositiveRate, e.Precision, e.SelectionRate));
        Assert.Equal([GroupMetric.Recall, GroupMetric.Precision], e.Undefined);
        Assert.All(report.Groups, g => Assert.All(Enum.GetValues<GroupMetric>(), m => Assert.True(double.IsFinite(g.Get(m)))));
    }

    [Fact]
    public void Compute_HandCase_EqualOpportunityOverGroupsWithPositivesOnly()
    {
        var gap = HandCase().EqualOpportunity!;

        // Recalls: a .5, c 1, d .5 (b and e have no positives). The tie at .5 goes to the first group, a.
        Assert.Equal(new FairnessGap(GroupMetric.Recall, 0.5, "c", 1.0, "a", 0.5, 3), gap);
    }

    [Fact]
    public void Compute_HandCase_DemographicParityOverAllGroups()
    {
        var gap = HandCase().DemographicParity!;

        // Selection rates: a .5, b 1/3, c 1, d 1/3, e 0.
        Assert.Equal(new FairnessGap(GroupMetric.SelectionRate, 1.0, "c", 1.0, "e", 0.0, 5), gap);
    }

    [Fact]
    public void Compute_NoPositiveRowAnywhere_EqualOpportunityNull()
    {
        var report = GroupFairness.Compute([0, 0], [0.9, 0.1], 0.5, [0, 1], new GroupAssignment("g", ["x", "y"], []));

        Assert.Null(report.EqualOpportunity);
        Assert.Equal(1.0, report.DemographicParity!.Difference);
    }

    [Fact]
    public void Compute_LabelNotBinary_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => GroupFairness.Compute([1, 2], [0.9, 0.1], 0.5, [0, 0], new GroupAssignment("g", ["x"], [])));

        Assert.Contains("labels[1] is 2", error.Message);
    }

    [Fact]
    public void Of_NumericColumn_QuartilesOfTrainingRowsOnly()
    {
        // Training rows 0..7 hold 1..8: cuts 2.75, 4.5, 6.25 (numpy's linear percentiles). Rows 8.. are test rows.
        var column = new NumericColumn("age", [1, 2, 3, 4, 5, 6, 7, 8, 2.75, 100, double.NaN, -5]);

        var groups = GroupAssignment.Of(column, [0, 1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal(["< 2.75", "[2.75, 4.5)", "[4.5, 6.25)", "≥ 6.25", GroupAssignment.MissingGroup], groups.Names);
        Assert.Equal([1, 3, 4, 0], groups.CodesOf([8, 9, 10, 11]));
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], groups.CodesOf([0, 1, 2, 3, 4, 5, 6, 7]));
    }

    [Fact]
    public void Of_NumericColumnWithFewValues_EqualCutsMerged()
    {
        var column = new NumericColumn("flag", [0, 0, 0, 1]);

        var groups = GroupAssignment.Of(column, [0, 1, 2, 3]);

        // Cuts 0, 0, 0.25: the repeated 0 is one cut, so three bins.
        Assert.Equal(["< 0", "[0, 0.25)", "≥ 0.25"], groups.Names);
        Assert.Equal([1, 1, 1, 2], groups.Codes);
    }

    [Fact]
    public void Of_CategoricalWithMissing_MissingIsItsOwnGroup()
    {
        var column = new CategoricalColumn("gender", [0, 1, CategoricalColumn.MissingCode], ["male", "female"]);

        var groups = GroupAssignment.Of(column, [0, 1, 2]);

        Assert.Equal(["male", "female", GroupAssignment.MissingGroup], groups.Names);
        Assert.Equal([0, 1, 2], groups.Codes);
    }
}
