using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>
/// "Leave the proxies out" (fairness by group): a command through the reducer that loads the data set again without the
/// sensitive column and its possible proxies, so no trainer sees them; turning it off puts them back.
/// </summary>
public class ProxiesLeftOutTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);

    /// <summary>What the room's runner does for a <see cref="LoadDataset"/>: label, split and featurize the data set as chosen.</summary>
    private static DatasetWorkspace Load(DatasetChoice choice)
    {
        var data = LabeledDataset.Create(TestData.Bundled(choice.Source), choice.TargetChoice("survived"));
        var split = DatasetWorkspace.SplitAndFeaturize(data, choice.TestShare, choice.SplitSeed);
        return new DatasetWorkspace("Titanic", null, split, DatasetProfiler.Profile(split.Data.Data, split.Data), [], "LightGBM", []);
    }

    private static RoomView Room(bool classroom = false)
    {
        var view = RoomView.Opening("K7Q-2MX", new DatasetChoice("titanic"), null, T0);
        view = RoomReducer.Apply(view, new EnterRoom("ana", "Ana", AsHost: true), T0).View;
        view = RoomReducer.Apply(view, new EnterRoom("ben", "Ben"), T0).View;
        view = RoomReducer.Apply(view, new DatasetReady(RoomRules.SystemMember, Load(new DatasetChoice("titanic")), new DatasetChoice("titanic")), T0).View;
        if (classroom) view = RoomReducer.Apply(view, new SetHostOnlyControls("ana", true), T0).View;
        return RoomReducer.Apply(view, new SetSensitiveColumn("ana", "gender"), T0).View;
    }

    /// <summary>Applies a command whose effect is a load, then the load's answer, as the runner does.</summary>
    private static (RoomStep Command, RoomStep Loaded) Toggle(RoomView view, bool leaveOut, string member = "ana")
    {
        var step = RoomReducer.Apply(view, new SetProxiesLeftOut(member, leaveOut), T0.AddSeconds(1));
        Assert.Null(step.Refusal);
        var load = Assert.IsType<LoadDataset>(Assert.Single(step.Effects));
        var loaded = RoomReducer.Apply(step.View, new DatasetReady(load.MemberId, Load(load.Dataset), load.Dataset) { Proxies = load.Proxies }, T0.AddSeconds(2));
        return (step, loaded);
    }

    [Fact]
    public void LeaveOut_Titanic_GenderLeftOut_NameWasAlready_TheTrainersNeverSeeGender()
    {
        var (command, loaded) = Toggle(Room(), leaveOut: true);

        // name is the one flagged proxy of gender, but identifier-like and so never a feature: only gender is left out.
        var load = (LoadDataset)command.Effects.Single();
        Assert.Equal([.. Titanic.Data.ExcludedColumns, "gender"], load.Dataset.ExcludedColumns); // the defaults (name, ticketno) and gender
        var state = loaded.View.State;
        Assert.Equal("gender", state.ProxiesLeftOut!.SensitiveColumn);
        Assert.Equal(["gender"], state.ProxiesLeftOut.Columns);
        Assert.Null(state.ProxiesLeftOut.ExcludedBefore);
        Assert.Equal("gender", state.SensitiveColumn); // still compared by group: the groups come from the data, not the features
        Assert.Equal("left gender out of the features (fairness: gender and its possible proxies) and retrained", loaded.View.Activity[^1].What);

        // Every card retrains, on rows featurized without gender.
        var run = Assert.Single(loaded.Effects.OfType<StartRun>());
        Assert.Equal(4, run.Plan.AlgorithmIds.Count);
        var split = loaded.View.Workspace!.Split;
        Assert.DoesNotContain("gender", split.Data.FeatureNames);
        Assert.DoesNotContain(split.Featurizer.Slots, s => s.SourceColumn == "gender");
        var training = RunPreparation.Prepare(split, run.Plan.State.Changes(), seed: 42).Data;
        var before = RunPreparation.Prepare(Titanic, [], seed: 42).Data;
        // What the trainers get is exactly the matrix they got before with gender's slots taken out, row by row.
        var kept = Enumerable.Range(0, Titanic.Featurizer.Width).Where(i => Titanic.Featurizer.Slots[i].SourceColumn != "gender").ToArray();
        Assert.True(kept.Length < Titanic.Featurizer.Width);
        Assert.Equal((before.Train.Rows, kept.Length), (training.Train.Rows, training.Train.Columns));
        for (var row = 0; row < training.Train.Rows; row++)
        {
            var old = before.Train.Row(row).ToArray();
            Assert.Equal(kept.Select(i => old[i]), training.Train.Row(row).ToArray());
        }
        Assert.Equal(kept.Length, training.Test.Columns);
    }

    [Fact]
    public void PutBack_RestoresTheExclusionsAsTheyWere_AndGenderIsAFeatureAgain()
    {
        var (_, leftOut) = Toggle(Room(), leaveOut: true);

        var (command, restored) = Toggle(leftOut.View, leaveOut: false);

        Assert.Null(((LoadDataset)command.Effects.Single()).Dataset.ExcludedColumns); // the defaults again, not a list that happens to equal them
        Assert.Null(restored.View.State.ProxiesLeftOut);
        Assert.Contains("gender", restored.View.Workspace!.Split.Data.FeatureNames);
        Assert.Equal(RoomReducer.BaselineRunId(Room().State), RoomReducer.BaselineRunId(restored.View.State));
        Assert.Equal("put gender back among the features and retrained", restored.View.Activity[^1].What);
    }

    [Theory]
    [InlineData(true, "no sensitive column", "Mark a sensitive column first: its possible proxies are what would be left out.")]
    [InlineData(false, "nothing left out", "No column is left out for fairness: there is nothing to put back.")]
    public void Refused_WithASentence_RoomUnchanged(bool leaveOut, string situation, string sentence)
    {
        var view = situation == "no sensitive column" ? RoomReducer.Apply(Room(), new SetSensitiveColumn("ana", null), T0).View : Room();

        var step = RoomReducer.Apply(view, new SetProxiesLeftOut("ana", leaveOut), T0.AddSeconds(1));

        Assert.Equal(sentence, step.Refusal);
        Assert.Same(view, step.View);
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void AlreadyLeftOut_OrNothingTheModelsSee_Refused()
    {
        var (_, leftOut) = Toggle(Room(), leaveOut: true);
        Assert.Equal("gender are already left out of the features.", RoomReducer.Apply(leftOut.View, new SetProxiesLeftOut("ana", true), T0).Refusal);

        // gender excluded by hand (the data bar): the models see neither it nor name.
        var byHand = new DatasetChoice("titanic", ExcludedColumns: [.. Titanic.Data.ExcludedColumns, "gender"]);
        var view = RoomReducer.Apply(Room(), new DatasetReady("ana", Load(byHand), byHand), T0).View;
        Assert.Equal("The models see neither gender nor any possible proxy of it: there is nothing to leave out.",
            RoomReducer.Apply(view, new SetProxiesLeftOut("ana", true), T0).Refusal);
    }

    [Fact]
    public void ClassroomMode_OnlyTheHost()
    {
        var view = Room(classroom: true);

        Assert.Equal("This room is in classroom mode: only the host (Ana) leaves columns out of the features.",
            RoomReducer.Apply(view, new SetProxiesLeftOut("ben", true), T0).Refusal);
        Assert.NotNull(Toggle(view, leaveOut: true).Loaded.View.State.ProxiesLeftOut);
    }

    [Fact]
    public void AnotherLoad_ForgetsIt_AReopenedRoomKeepsIt()
    {
        var (_, leftOut) = Toggle(Room(), leaveOut: true);
        var choice = leftOut.View.State.Dataset;

        var reloaded = RoomReducer.Apply(leftOut.View, new DatasetReady("ana", Load(choice), choice), T0.AddSeconds(3)).View;
        var reopened = RoomReducer.Apply(RoomView.Opening("K7Q-2MX", choice, leftOut.View.State, T0), new DatasetReady(RoomRules.SystemMember, Load(choice), choice), T0).View;

        Assert.Null(reloaded.State.ProxiesLeftOut); // the data bar's own load: its exclusions are now just the data set's
        Assert.Equal(["gender"], reopened.State.ProxiesLeftOut!.Columns);
        Assert.Contains("gender", reopened.State.Dataset.ExcludedColumns!);
    }
}
