using Dashboard.Components.Sliders;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Sliders;

public class SliderReadoutTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    private static (SliderState Slider, RoomState State, PreparedRun Run) Move(FocusGroup group, double share, NeighbourCache? neighbours = null)
    {
        var slider = new SliderState("feature:gender", group, share);
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [slider], []);
        return (slider, state, RunPreparation.Prepare(Titanic, state.Changes(), seed: 42, neighbours: neighbours));
    }

    [Fact]
    public void For_NeutralSlider_ReportsDataShare()
    {
        var group = new CategoryGroup("gender", "female");
        var slider = new SliderState("feature:gender", group);
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [slider], []);

        var readout = SliderReadout.For(slider, state, Titanic, training: null);

        var females = Titanic.Split.TrainRows.Count(r => Titanic.Data.Data.Column("gender").FormatValue(r) == "female");
        Assert.Equal((double)females / Titanic.Split.TrainRows.Count, readout.NeutralShare, 12);
        Assert.Equal($"gender = female: {SliderReadout.Percent(readout.NeutralShare)} of training rows (as in the data)", readout.Summary);
    }

    [Fact]
    public void For_FemaleShareUp_SaysSyntheticRowsAndSmoteNc()
    {
        var (slider, state, run) = Move(new CategoryGroup("gender", "female"), 0.4);

        var readout = SliderReadout.For(slider, state, Titanic, run.Summary);

        var report = run.Summary.Changes[0];
        Assert.Equal(0.4, readout.CurrentShare, 3);
        Assert.Equal(report.RowsAdded, readout.RowsAdded);
        Assert.Equal($"gender = female: {SliderReadout.Percent(readout.NeutralShare)} → 40.0% of training rows (+{report.RowsAdded:N0} synthetic)", readout.Summary);
        Assert.StartsWith($"{report.Method} added {report.RowsAdded:N0} rows (k=5) between real gender = female rows of the same outcome (survived)", readout.WhatHappened);
        Assert.DoesNotContain("earlier moves", readout.WhatHappened);
    }

    [Fact]
    public void For_SameMoveAgainWithCache_SaysNeighboursWereKnown()
    {
        var cache = new NeighbourCache();
        var (_, _, first) = Move(new CategoryGroup("gender", "female"), 0.4, cache);
        var (slider, state, again) = Move(new CategoryGroup("gender", "female"), 0.4, cache);

        var readout = SliderReadout.For(slider, state, Titanic, again.Summary);

        var searched = first.Summary.Changes[0].NeighboursSearched;
        Assert.EndsWith($"The neighbours of all {searched:N0} base rows were known from earlier moves, so none were searched.", readout.WhatHappened);
    }

    [Fact]
    public void For_FemaleShareDown_SaysRowsRemovedAndOutcomesKept()
    {
        var (slider, state, run) = Move(new CategoryGroup("gender", "female"), 0.1);

        var readout = SliderReadout.For(slider, state, Titanic, run.Summary);

        Assert.Equal(0.1, readout.CurrentShare, 3);
        Assert.True(readout.RowsRemoved > 0);
        Assert.Contains($"(−{readout.RowsRemoved:N0} rows)", readout.Summary);
        Assert.Contains("the share of each survived outcome inside the group was kept", readout.WhatHappened);
    }

    [Theory]
    [InlineData(0.4)] // SMOTE adds rows
    [InlineData(0.1)] // rows are removed
    public void RowChangeAt_ThePositionOfAMove_TheRowsThatMoveReallyAddsOrRemoves(double share)
    {
        var neutral = SliderReadout.For(new SliderState("feature:gender", new CategoryGroup("gender", "female")),
            new RoomState("ABC-DEF", new DatasetChoice("titanic"), [], []), Titanic, training: null);
        var (_, _, run) = Move(new CategoryGroup("gender", "female"), share);

        var report = run.Summary.Changes[0];
        Assert.Equal(report.RowsAdded - report.RowsRemoved, neutral.RowChangeAt(share));
    }

    [Fact]
    public void SyntheticWarningAt_MoreSyntheticThanRealRows_SaysBoth_OtherwiseNothing()
    {
        var readout = SliderReadout.For(new SliderState(RoomDefaults.ClassSliderId, new ClassGroup(1)),
            new RoomState("ABC-DEF", new DatasetChoice("titanic"), [], []), Titanic, training: null);
        var real = Titanic.Split.TrainRows.Count;

        // The first position (in half-percent steps) that adds more synthetic rows than there are real rows, and the one before it.
        var over = Enumerable.Range(2, 189).Select(step => step / 200.0).First(s => readout.RowChangeAt(s) > real);
        var under = over - 0.005;

        Assert.Null(readout.SyntheticWarningAt(under));
        Assert.Null(readout.SyntheticWarningAt(readout.NeutralShare));
        var warning = readout.SyntheticWarningAt(over);
        Assert.NotNull(warning);
        Assert.Contains($"adds about {readout.RowChangeAt(over):N0} synthetic rows, more than the {real:N0} real training rows", warning);
    }
}
