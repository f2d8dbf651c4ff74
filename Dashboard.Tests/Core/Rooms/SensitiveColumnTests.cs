using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>The room's sensitive column (fairness by group): a setting every member shares, changed through the rules like any other.</summary>
public class SensitiveColumnTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);

    private static DatasetWorkspace Workspace(FeaturizedSplit split) =>
        new("a data set", null, split, DatasetProfiler.Profile(split.Data.Data, split.Data), [], "LightGBM", []);

    private static RoomView Loaded(RoomState? restoring = null)
    {
        var view = RoomView.Opening("K7Q-2MX", new DatasetChoice("titanic"), restoring, T0);
        view = RoomReducer.Apply(view, new EnterRoom("ana", "Ana", AsHost: true), T0).View;
        return RoomReducer.Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(Titanic), new DatasetChoice("titanic")), T0).View;
    }

    private static RoomState Room(params RoomCommand[] commands)
    {
        var state = new RoomState("K7Q-2MX", new DatasetChoice("titanic"), RoomDefaults.Sliders(Titanic, []), RoomDefaults.Algorithms());
        return commands.Aggregate(state, (s, c) => RoomRules.Apply(s, c, Titanic).State);
    }

    [Fact]
    public void SetSensitiveColumn_ThenNull_MarkedThenClearedNothingRetrains()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true));
        Assert.Null(state.SensitiveColumn);

        var marked = RoomRules.Apply(state, new SetSensitiveColumn("a", "gender"), Titanic);
        var cleared = RoomRules.Apply(marked.State, new SetSensitiveColumn("a", null), Titanic);

        Assert.Equal(("gender", RunScope.None, "marked gender as the sensitive column (fairness by group)"), (marked.State.SensitiveColumn, marked.Scope, marked.Description));
        Assert.Equal(state.Version + 1, marked.State.Version);
        Assert.Equal((null, RunScope.None, "cleared the sensitive column"), (cleared.State.SensitiveColumn, cleared.Scope, cleared.Description));
    }

    [Fact]
    public void SetSensitiveColumn_Target_RefusedWithTheSentenceAndStateKept()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new SetSensitiveColumn("a", "gender"));

        var error = Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new SetSensitiveColumn("a", "survived"), Titanic));

        Assert.Equal("'survived' is what the models predict; the sensitive column must be another one (e.g. gender or an age band).", error.Message);
        Assert.Equal("gender", state.SensitiveColumn);
    }

    [Fact]
    public void SetSensitiveColumn_ClassroomMode_OnlyTheHost()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true), new EnterRoom("b", "Ben"));
        Assert.Null(RoomRules.Refusal(state, new SetSensitiveColumn("b", "gender")));

        var classroom = RoomRules.Apply(state, new SetHostOnlyControls("h", true), Titanic).State;

        Assert.Equal("This room is in classroom mode: only the host (Hana) marks the sensitive column.",
            RoomRules.Refusal(classroom, new SetSensitiveColumn("b", "gender")));
        Assert.Null(RoomRules.Refusal(classroom, new SetSensitiveColumn("h", "gender")));
    }

    [Fact]
    public void Reducer_SetSensitiveColumn_EveryListenerToldAndNoRunStarted()
    {
        var view = Loaded();

        var step = RoomReducer.Apply(view, new SetSensitiveColumn("ana", "gender"), T0.AddSeconds(1));

        Assert.Null(step.Refusal);
        Assert.Equal("gender", step.View.State.SensitiveColumn);
        var changed = Assert.IsType<RoomStateChanged>(Assert.Single(step.Effects.OfType<Publish>()).Event);
        Assert.Equal("gender", changed.State.SensitiveColumn);
        Assert.Empty(step.Effects.OfType<StartRun>());
        Assert.Empty(step.Effects.OfType<CancelRun>()); // the baseline in flight goes on
    }

    [Fact]
    public void Reducer_UnknownColumn_RefusedWithTheSentence_RoomUnchanged()
    {
        var view = Loaded();

        var step = RoomReducer.Apply(view, new SetSensitiveColumn("ana", "ethnicity"), T0.AddSeconds(1));

        Assert.StartsWith("This data set has no column 'ethnicity'. Pick one of: ", step.Refusal);
        Assert.Same(view, step.View);
    }

    [Fact]
    public void DatasetReady_ReopenedRoom_SensitiveColumnComesBack()
    {
        var stored = new RoomState("K7Q-2MX", new DatasetChoice("titanic"), RoomDefaults.Sliders(Titanic, []), RoomDefaults.Algorithms(), Version: 4)
        {
            SensitiveColumn = "gender",
        };

        Assert.Equal("gender", Loaded(stored).State.SensitiveColumn);
    }

    [Fact]
    public void DatasetReady_AnotherDataSetWithoutTheColumn_SensitiveColumnCleared()
    {
        var view = RoomReducer.Apply(Loaded(), new SetSensitiveColumn("ana", "gender"), T0).View;

        var other = RoomReducer.Apply(view, new DatasetReady("ana", Workspace(TrainingFixtures.BreastCancer), new DatasetChoice("breast_cancer_wisconsin")), T0.AddSeconds(5));
        var sameAgain = RoomReducer.Apply(view, new DatasetReady("ana", Workspace(TrainingFixtures.Prepare("titanic", "survived", seed: 7)), new DatasetChoice("titanic", SplitSeed: 7)), T0.AddSeconds(5));

        Assert.Null(other.View.State.SensitiveColumn);
        Assert.Equal("gender", sameAgain.View.State.SensitiveColumn); // another split of the same data keeps it
    }
}
