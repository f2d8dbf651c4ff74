using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>The class slider in a room: a signed position toward balance, validated by the rules; the free control stays.</summary>
public class ClassBalanceRoomTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 15, 0, 0, TimeSpan.Zero);

    private static RoomState Room() =>
        new RoomState("K7Q-2MX", new DatasetChoice("titanic"), RoomDefaults.Sliders(Titanic, []), RoomDefaults.Algorithms());

    [Fact]
    public void NewRoom_ClassSliderIsTheBalanceTrackOnTheMinority_AtNeutral()
    {
        var slider = Room().Slider(RoomDefaults.ClassSliderId);

        Assert.Equal(0, slider.Balance);
        Assert.Equal(ClassGroup.Minority(Titanic.Data, Titanic.Split.TrainRows), slider.Group);
        Assert.True(slider.IsNeutral);
        Assert.Empty(Room().Changes());
    }

    [Theory]
    [InlineData(-1.0, "moved class balance to -1")]
    [InlineData(-0.25, "moved class balance to -0.25")]
    [InlineData(0.6, "moved class balance to 0.6")]
    [InlineData(1.0, "moved class balance to 1")]
    public void MoveSlider_Position_StoredAsBalance_ChangeTowardBalance_RetrainsAll(double position, string description)
    {
        var outcome = RoomRules.Apply(Room(), new MoveSlider("a", RoomDefaults.ClassSliderId, position), Titanic);

        var slider = outcome.State.Slider(RoomDefaults.ClassSliderId);
        Assert.Equal(position, slider.Balance);
        Assert.Null(slider.TargetShare);
        Assert.Equal(RunScope.AllAlgorithms, outcome.Scope);
        Assert.Equal(description, outcome.Description);
        var change = Assert.Single(outcome.State.Changes());
        Assert.Equal(position, change.Balance);
        Assert.Equal(slider.Group, change.Group);
    }

    [Theory]
    [InlineData(-1.2)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void MoveSlider_OffTheTrack_RefusedWithASentenceNamingTheRange(double position)
    {
        var error = Assert.Throws<ArgumentException>(() => RoomRules.Apply(Room(), new MoveSlider("a", RoomDefaults.ClassSliderId, position), Titanic));

        Assert.StartsWith("The class-balance position must be between -1 (undersample the majority until 50/50) and +1 (SMOTE the minority until 50/50), 0 being the data as it is;", error.Message);
    }

    [Fact]
    public void MoveSlider_NullOrZero_Neutral()
    {
        var moved = RoomRules.Apply(Room(), new MoveSlider("a", RoomDefaults.ClassSliderId, 0.5), Titanic).State;

        var reset = RoomRules.Apply(moved, new MoveSlider("a", RoomDefaults.ClassSliderId, null), Titanic);

        Assert.True(reset.State.Slider(RoomDefaults.ClassSliderId).IsNeutral);
        Assert.Equal("reset class balance", reset.Description);
        Assert.Empty(reset.State.Changes());
    }

    [Fact]
    public void ConfigureSlider_ClassNamed_FreeControlWithTodaysMeaning_NoGroup_BackOnTheTrack()
    {
        var majority = new ClassGroup(1 - ClassGroup.Minority(Titanic.Data, Titanic.Split.TrainRows).Label);

        var free = RoomRules.Apply(Room(), new ConfigureSlider("a", RoomDefaults.ClassSliderId, majority, UndersamplingMethod.NearMiss1, OversamplingMethod.Smote, 5), Titanic).State;
        // The free control: the number is the named class's share again, left of its share undersamples that class.
        Assert.Null(free.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.Throws<ArgumentException>(() => RoomRules.Apply(free, new MoveSlider("a", RoomDefaults.ClassSliderId, -0.5), Titanic));
        var moved = RoomRules.Apply(free, new MoveSlider("a", RoomDefaults.ClassSliderId, 0.4), Titanic).State;
        Assert.Equal(new DistributionChange(majority, 0.4, UndersamplingMethod.NearMiss1), Assert.Single(moved.Changes()));

        var back = RoomRules.Apply(moved, new ConfigureSlider("a", RoomDefaults.ClassSliderId, null, UndersamplingMethod.TomekLinks, OversamplingMethod.Adasyn, 7), Titanic).State;
        var track = back.Slider(RoomDefaults.ClassSliderId);
        Assert.Equal(0, track.Balance);
        Assert.Equal(Room().Slider(RoomDefaults.ClassSliderId).Group, track.Group);
        Assert.Equal((UndersamplingMethod.TomekLinks, OversamplingMethod.Adasyn, 7), (track.Under, track.Over, track.K));
    }

    [Fact]
    public void ConfigureSlider_NoGroupOnAFeatureSlider_Refused()
    {
        var state = Room() with { Sliders = [.. Room().Sliders, RoomDefaults.FeatureSlider(Titanic, "gender")] };

        var error = Assert.Throws<ArgumentException>(() =>
            RoomRules.Apply(state, new ConfigureSlider("a", "feature:gender", null, UndersamplingMethod.Random, OversamplingMethod.Smote, 5), Titanic));

        Assert.Equal("A feature slider needs a focus group: a category or a range of its column.", error.Message);
    }

    [Fact]
    public void Reducer_MoveOffTheTrack_RefusedWithTheSentence_NoRunStarted()
    {
        var view = RoomView.Opening("K7Q-2MX", new DatasetChoice("titanic"), null, T0);
        view = RoomReducer.Apply(view, new DatasetReady(RoomRules.SystemMember,
            new DatasetWorkspace("Titanic", "credit", Titanic, DatasetProfiler.Profile(Titanic.Data.Data, Titanic.Data), [], "LightGBM", []),
            new DatasetChoice("titanic")), T0).View;

        var step = RoomReducer.Apply(view, new MoveSlider(RoomRules.SystemMember, "class", 2), T0);

        Assert.StartsWith("The class-balance position must be between -1", step.Refusal);
        Assert.Empty(step.Effects.OfType<StartRun>());
        Assert.Equal(0, step.View.State.Slider("class").Balance);
    }

    [Theory]
    [InlineData(-0.5, ClassBalanceSide.UndersampleMajority)]
    [InlineData(0.5, ClassBalanceSide.OversampleMinority)]
    public void Run_BothSidesReachTheSameMinorityShare_ReportSaysTheSide(double position, ClassBalanceSide side)
    {
        var state = RoomRules.Apply(Room(), new MoveSlider("a", RoomDefaults.ClassSliderId, position), Titanic).State;

        var run = RunPreparation.Prepare(Titanic, state.Changes(), seed: 42);

        var report = state.ReportOf(state.Slider(RoomDefaults.ClassSliderId), run.Summary)!;
        Assert.Equal(side, report.Side);
        var mirrored = RoomRules.Apply(Room(), new MoveSlider("a", RoomDefaults.ClassSliderId, -position), Titanic).State;
        var other = RunPreparation.Prepare(Titanic, mirrored.Changes(), seed: 42).Summary.Changes[0];
        // The same distance from neutral aims at the same minority share, so the history's two lines meet like with like.
        Assert.Equal(report.RequestedShare, other.RequestedShare, 12);
        Assert.Equal(report.ShareAfter, other.ShareAfter, 2);
    }
}
