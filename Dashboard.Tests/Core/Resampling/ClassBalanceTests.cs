using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

/// <summary>The class-balance slider's two sides: majority rows removed on the left, minority rows added on the right, exact counts.</summary>
public class ClassBalanceTests
{
    // 30 negatives, 10 positives: the minority (pos) is 25 % of the rows.
    private static readonly LabeledDataset Small = Simple(30, 10);
    private static readonly ClassGroup Positive = new(1);

    private static ResampledTrainingSet Balance(LabeledDataset data, IReadOnlyList<int> rows, ClassGroup minority, double position,
        UndersamplingMethod under = UndersamplingMethod.Random) =>
        Resampler.Apply(data, rows, [DistributionChange.TowardBalance(minority, position, under)], seed: 5);

    [Theory]
    // The minority's share aimed at is 25 % + |p| × 25 %; left keeps round((1 − s) × 10 / s) negatives.
    [InlineData(-1.0, 20)]   // s = 50 %: 10 negatives kept, 10/10
    [InlineData(-0.5, 13)]   // s = 37.5 %: round(16.67) = 17 negatives kept
    [InlineData(-0.2, 7)]    // s = 30 %: round(23.33) = 23 negatives kept
    public void Left_RemovesExactlyThatManyMajorityRows_KeepsEveryMinorityRow(double position, int removed)
    {
        var result = Balance(Small, AllRows(Small), Positive, position);

        var report = Assert.Single(result.Changes);
        Assert.Equal(30 - removed, CountLabel(result, 0));
        Assert.Equal(10, CountLabel(result, 1));
        Assert.Equal(0, result.Synthetic.RowCount);
        Assert.Equal(removed, report.RowsRemoved);
        Assert.Equal(0, report.RowsAdded);
        // Every positive row of the data is still there: the minority is never touched on the left.
        Assert.Equal(AllRows(Small).Where(r => Small.Labels[r] == 1), result.OriginalRows.Where(r => Small.Labels[r] == 1));
        Assert.Equal(ClassBalanceSide.UndersampleMajority, report.Side);
        // The report speaks of the minority: its share before and after.
        Assert.Equal(new ClassSplit(0, 10), report.GroupBefore);
        Assert.Equal(new ClassSplit(0, 10), report.GroupAfter);
        Assert.Equal(0.25, report.ShareBefore, 12);
        Assert.Equal(10.0 / (40 - removed), report.ShareAfter, 12);
        Assert.Equal("random undersampling", report.Method);
    }

    [Theory]
    // Right grows the positives to round(s × 30 / (1 − s)).
    [InlineData(1.0, 20)]    // s = 50 %: 30 positives, 30/30
    [InlineData(0.5, 8)]     // s = 37.5 %: 18 positives
    [InlineData(0.2, 3)]     // s = 30 %: round(12.86) = 13 positives
    public void Right_AddsExactlyThatManySyntheticMinorityRows_RemovesNothing(double position, int added)
    {
        var result = Balance(Small, AllRows(Small), Positive, position);

        var report = Assert.Single(result.Changes);
        Assert.Equal(30, CountLabel(result, 0));
        Assert.Equal(10 + added, CountLabel(result, 1));
        Assert.Equal(added, result.Synthetic.RowCount);
        Assert.All(result.SyntheticLabels, l => Assert.Equal(1, l));
        Assert.Equal(40, result.OriginalRows.Count);
        Assert.Equal(ClassBalanceSide.OversampleMinority, report.Side);
        Assert.Equal(added, report.RowsAdded);
        Assert.Equal(0, report.RowsRemoved);
        Assert.Equal(new ClassSplit(0, 10 + added), report.GroupAfter);
        Assert.Equal("SMOTE", report.Method);
    }

    [Fact]
    public void Neutral_NoChange_TheRowsAsInTheData()
    {
        var slider = Dashboard.Core.Rooms.SliderState.BalanceTrack("class", Positive);

        Assert.Null(slider.ToChange());
        Assert.True(slider.IsNeutral);
        // A zero position given to the engine directly changes nothing either, and says nothing.
        var result = Balance(Small, AllRows(Small), Positive, 0);
        Assert.Equal(40, result.RowCount);
        Assert.Equal(0, result.Synthetic.RowCount);
        Assert.Empty(result.Changes[0].Warnings);
    }

    [Theory]
    [InlineData(UndersamplingMethod.NearMiss1)]
    [InlineData(UndersamplingMethod.NearMiss2)]
    public void Left_NearMiss_RemovesMajorityRowsOnly_ExactCount(UndersamplingMethod method)
    {
        var result = Balance(Small, AllRows(Small), Positive, -1, method);

        Assert.Equal(10, CountLabel(result, 0));
        Assert.Equal(10, CountLabel(result, 1));
        Assert.Contains("NearMiss", result.Changes[0].Method);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Titanic_BothSides_ExactCounts_EndsAtFiftyFifty(double position)
    {
        var data = Bundled("titanic");
        var split = StratifiedSplitter.Split(data.Labels, 0.25, seed: 3);
        var minority = ClassGroup.Minority(data, split.TrainRows);
        var m = split.TrainRows.Count(r => data.Labels[r] == minority.Label);
        var big = split.TrainRows.Count - m;
        var share = (double)m / (m + big) + Math.Abs(position) * (0.5 - (double)m / (m + big));
        static int Rows(double s, int rest) => (int)Math.Round(s * rest / (1 - s), MidpointRounding.AwayFromZero);

        var result = Balance(data, split.TrainRows, minority, position);

        if (position < 0)
        {
            Assert.Equal(m, CountLabel(result, minority.Label));
            Assert.Equal(Rows(1 - share, m), CountLabel(result, 1 - minority.Label));
            Assert.Equal(big - Rows(1 - share, m), result.Changes[0].RowsRemoved);
        }
        else
        {
            Assert.Equal(big, CountLabel(result, 1 - minority.Label));
            Assert.Equal(Rows(share, big), CountLabel(result, minority.Label));
            Assert.Equal(Rows(share, big) - m, result.Changes[0].RowsAdded);
        }
        if (Math.Abs(position) == 1) Assert.Equal(CountLabel(result, 0), CountLabel(result, 1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.35)]
    [InlineData(0.35)]
    [InlineData(1.0)]
    public void RowsFor_WhatTheReadoutPromises_IsWhatTheRunDoes(double position)
    {
        var result = Balance(Small, AllRows(Small), Positive, position);

        var (removed, added, share) = ClassBalance.RowsFor(position, minorityRows: 10, majorityRows: 30);

        Assert.Equal(result.Changes[0].RowsRemoved, removed);
        Assert.Equal(result.Changes[0].RowsAdded, added);
        Assert.Equal(result.Changes[0].ShareAfter, share, 12);
    }

    [Fact]
    public void Position_TheSameDistanceEitherSide_AimsAtTheSameMinorityShare()
    {
        Assert.Equal(ClassBalance.MinorityShare(0.2, -0.4), ClassBalance.MinorityShare(0.2, 0.4));
        Assert.Equal(0.5, ClassBalance.MinorityShare(0.2, -1));
        Assert.Equal(0.5, ClassBalance.MinorityShare(0.2, 1));
        Assert.Equal(0.6, ClassBalance.PositionFor(0.2, ClassBalance.MinorityShare(0.2, 0.6)), 12);
    }

    [Theory]
    [InlineData(1.01)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void Problem_OffTheTrack_ASentenceNamingTheRange(double position) =>
        Assert.StartsWith("The class-balance position must be between -1 (undersample the majority until 50/50) and +1", ClassBalance.Problem(position));

    [Fact]
    public void NamedClassIsTheMajority_NothingChanges_AWarningSaysWhy()
    {
        var result = Balance(Small, AllRows(Small), new ClassGroup(0), 0.5);

        Assert.Equal(40, result.RowCount);
        Assert.Contains(result.Changes[0].Warnings, w => w.Message.Contains("is not the smaller class here", StringComparison.Ordinal));
    }
}
