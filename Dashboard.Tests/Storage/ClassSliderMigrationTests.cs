using System.Text.Json.Nodes;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Storage;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Storage;

/// <summary>
/// Rooms and runs stored before the class slider had two sides: their class slider's number was the
/// minority's share. Above its natural share it is the balance track's SMOTE side; below, the free control.
/// </summary>
public class ClassSliderMigrationTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly ClassGroup Minority = ClassGroup.Minority(Titanic.Data, Titanic.Split.TrainRows);
    private static readonly double Natural = FocusGroupShare.Of(Minority, Titanic.Data, Titanic.Split.TrainRows);
    private static readonly DatasetChoice Choice = new("titanic");

    /// <summary>A room state as it was stored before: the class slider's JSON has no "balance" key.</summary>
    private static string OldRoomJson(FocusGroup group, double? share)
    {
        var state = new RoomState("K7Q-2MX", Choice, [new SliderState(RoomDefaults.ClassSliderId, group, share)], RoomDefaults.Algorithms());
        var root = JsonNode.Parse(StorageJson.Write(state))!.AsObject();
        foreach (var slider in root["sliders"]!.AsArray()) slider!.AsObject().Remove("balance");
        return root.ToJsonString();
    }

    /// <summary>The room reopened from that JSON, its data set loaded.</summary>
    private static SliderState Reopened(string json)
    {
        var restored = StoredRoomState.Read(json);
        var view = RoomView.Opening("K7Q-2MX", Choice, restored, DateTimeOffset.UnixEpoch);
        var workspace = new DatasetWorkspace("Titanic", null, Titanic, DatasetProfiler.Profile(Titanic.Data.Data, Titanic.Data), [], "LightGBM", []);
        return RoomReducer.Apply(view, new DatasetReady(RoomRules.SystemMember, workspace, Choice), DateTimeOffset.UnixEpoch).View.State.Slider(RoomDefaults.ClassSliderId);
    }

    [Fact]
    public void OldRoom_MinorityAboveItsNaturalShare_TheSmoteSideOfTheTrack_AtThatShare()
    {
        var share = Natural + 0.5 * (0.5 - Natural);

        var slider = Reopened(OldRoomJson(Minority, share));

        Assert.Equal(0.5, slider.Balance!.Value, 9);
        Assert.Null(slider.TargetShare);
        Assert.Equal(share, ClassBalance.MinorityShare(Natural, slider.Balance.Value), 9);
    }

    [Fact]
    public void OldRoom_Neutral_TheTrackAtNeutral()
    {
        var slider = Reopened(OldRoomJson(Minority, null));

        Assert.Equal(0, slider.Balance);
        Assert.True(slider.IsNeutral);
    }

    [Fact]
    public void OldRoom_MinorityBelowItsNaturalShare_TheFreeControl_SameRowsAsBefore()
    {
        var slider = Reopened(OldRoomJson(Minority, Natural / 2));

        Assert.Null(slider.Balance);
        Assert.Equal(new DistributionChange(Minority, Natural / 2), slider.ToChange());
    }

    [Fact]
    public void OldRoom_MajorityClass_TheFreeControl()
    {
        var majority = new ClassGroup(1 - Minority.Label);

        var slider = Reopened(OldRoomJson(majority, 0.4));

        Assert.Null(slider.Balance);
        Assert.Equal(new DistributionChange(majority, 0.4), slider.ToChange());
    }

    [Fact]
    public void NewRoom_FreeControlStored_StaysTheFreeControl_NotMigrated()
    {
        var state = new RoomState("K7Q-2MX", Choice, [new SliderState(RoomDefaults.ClassSliderId, Minority, 0.45)], RoomDefaults.Algorithms());

        var read = StoredRoomState.Read(StorageJson.Write(state));

        Assert.False(read.Sliders[0].StoredBeforeBalance);
        Assert.Null(Reopened(StorageJson.Write(state)).Balance);
        Assert.Equal(0.45, Reopened(StorageJson.Write(state)).TargetShare);
    }

    [Fact]
    public void OldRun_ReplaySliders_MarkedForTheRoomToMigrate()
    {
        var sliders = JsonNode.Parse(OldRoomJson(Minority, 0.45))!["sliders"]!.ToJsonString();

        var read = StoredSliders.Read(sliders);

        Assert.True(read[0].StoredBeforeBalance);
        Assert.Equal(0.45, read[0].TargetShare);
    }
}
