using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

public class RoomRulesTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    private static RoomState Room(params RoomCommand[] commands)
    {
        var state = new RoomState("K7Q-2MX", new DatasetChoice("titanic"), RoomDefaults.Sliders(Titanic, []), RoomDefaults.Algorithms());
        return commands.Aggregate(state, (s, c) => RoomRules.Apply(s, c, Titanic).State);
    }

    private static string Refusal(RoomState state, RoomCommand command) =>
        Assert.Throws<InvalidOperationException>(() => RoomRules.Apply(state, command, Titanic)).Message;

    [Fact]
    public void SetThreshold_OneAlgorithm_OnlyItsSeatChangesNothingRetrains()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true));

        var outcome = RoomRules.Apply(state, new SetThreshold("a", "svm", 0.3), Titanic);

        Assert.Equal(0.3, outcome.State.Seat("svm").Threshold);
        Assert.All(outcome.State.Algorithms.Where(a => a.AlgorithmId != "svm"), a => Assert.Equal(0.5, a.Threshold));
        Assert.Equal(RunScope.None, outcome.Scope);
        Assert.Equal("set Linear SVM's threshold to 0.3", outcome.Description);
    }

    [Fact]
    public void SetThreshold_Permissions_HolderAndHostYes_OthersNo_ClassroomModeHostOnly()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true), new EnterRoom("b", "Ben"), new EnterRoom("c", "Cleo"), new ClaimSeat("b", "mlp"));

        Assert.Null(RoomRules.Refusal(state, new SetThreshold("b", "mlp", 0.2)));
        Assert.Null(RoomRules.Refusal(state, new SetThreshold("h", "mlp", 0.2)));
        Assert.Null(RoomRules.Refusal(state, new SetThreshold("c", "svm", 0.2))); // a free seat: anyone who may steer
        Assert.Equal("Ben tunes Neural network (MLP): only they or the host can set its threshold.", Refusal(state, new SetThreshold("c", "mlp", 0.2)));

        var classroom = RoomRules.Apply(state, new SetHostOnlyControls("h", true), Titanic).State;
        Assert.Equal("This room is in classroom mode: only the host (Hana) sets the thresholds.", Refusal(classroom, new SetThreshold("b", "mlp", 0.2)));
        Assert.Null(RoomRules.Refusal(classroom, new SetThreshold("h", "mlp", 0.2)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SetThreshold_OutOfRange_Refused(double threshold)
    {
        var state = Room(new EnterRoom("a", "Ana"));

        var error = Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new SetThreshold("a", "svm", threshold), Titanic));

        Assert.StartsWith("The threshold must be between 0 and 1", error.Message);
    }

    [Fact]
    public void EnterRoom_FirstAsHost_IsHostSecondIsNot()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben", AsHost: true));

        Assert.Equal([("Ana", true), ("Ben", false)], state.Members.Select(m => (m.DisplayName, m.IsHost)));
    }

    [Fact]
    public void ClaimSeat_TakenByOther_RefusedWithHolderName()
    {
        var state = Room(new EnterRoom("a", "Ana"), new EnterRoom("b", "Ben"), new ClaimSeat("b", "mlp"));

        Assert.Equal("Ben already tunes Neural network (MLP). Pick a free card, or ask the host to release it.", Refusal(state, new ClaimSeat("a", "mlp")));
        Assert.Equal("b", state.Seat("mlp").HolderId);
    }

    [Fact]
    public void ClaimSeat_Second_ReleasesFirst()
    {
        var state = Room(new EnterRoom("b", "Ben"), new ClaimSeat("b", "mlp"), new ClaimSeat("b", "svm"));

        Assert.Null(state.Seat("mlp").HolderId);
        Assert.Equal("b", state.Seat("svm").HolderId);
    }

    [Fact]
    public void SetAlgorithm_OthersSeat_RefusedOwnSeat_RetrainsOnlyIt()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben"), new ClaimSeat("b", "mlp"));
        var values = HyperparameterValues.Defaults.With("hiddenUnits", 16);

        Assert.Equal("Ben tunes Neural network (MLP): only they can change its settings.",
            Refusal(state, new SetAlgorithm("a", "mlp", values, ClassWeighting.None)));
        var outcome = RoomRules.Apply(state, new SetAlgorithm("b", "mlp", values, ClassWeighting.None), Titanic);
        Assert.Equal((RunScope.OneAlgorithm, "mlp"), (outcome.Scope, outcome.AlgorithmId));
    }

    [Fact]
    public void ClassroomMode_MemberMovesSlider_RefusedHostAllowed_SeatHolderStillTunes()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben"), new ClaimSeat("b", "mlp"),
            new SetHostOnlyControls("a", true));

        Assert.Contains("classroom mode: only the host (Ana)", Refusal(state, new MoveSlider("b", RoomDefaults.ClassSliderId, 0.5)));
        Assert.Equal(RunScope.AllAlgorithms, RoomRules.Apply(state, new MoveSlider("a", RoomDefaults.ClassSliderId, 0.5), Titanic).Scope);
        Assert.Equal(RunScope.OneAlgorithm, RoomRules.Apply(state, new SetAlgorithm("b", "mlp", HyperparameterValues.Defaults, ClassWeighting.None), Titanic).Scope);
        Assert.Equal("Only the host (Ana) can switch classroom mode.", Refusal(state, new SetHostOnlyControls("b", false)));
    }

    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static RoomState At(RoomState state, DateTimeOffset now, RoomCommand command) => RoomRules.Apply(state, command, Titanic, now).State;

    [Fact]
    public void LeaveRoom_HostLeaves_AwayKeepsRoleAndSeat_BackWithTheSameKeyStillHost()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben"), new ClaimSeat("a", "svm"));

        var away = At(state, Noon, new LeaveRoom("a"));
        var back = At(away, Noon.AddMinutes(3), new EnterRoom("a", "Ana"));

        Assert.Equal((false, true, (DateTimeOffset?)Noon), (away.Member("a")!.IsPresent, away.Member("a")!.IsHost, away.Member("a")!.AwaySince));
        Assert.Equal("a", away.Seat("svm").HolderId);
        Assert.Equal((true, true, 1, (DateTimeOffset?)null), (back.Member("a")!.IsPresent, back.Member("a")!.IsHost, back.Member("a")!.Connections, back.Member("a")!.AwaySince));
        Assert.Equal("is back", RoomRules.Apply(away, new EnterRoom("a", "Ana"), Titanic).Description);
        Assert.False(back.Member("b")!.IsHost);
    }

    [Fact]
    public void ExpireAwayMembers_AfterTheGrace_HostPassesToSomeonePresentSeatFreed_BeforeItNothing()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben"), new EnterRoom("c", "Cy"), new ClaimSeat("a", "svm"));
        state = At(At(state, Noon, new LeaveRoom("b")), Noon.AddMinutes(1), new LeaveRoom("a"));
        var grace = new ExpireAwayMembers(TimeSpan.FromMinutes(5));

        var early = RoomRules.Apply(state, grace, Titanic, Noon.AddMinutes(4));
        var late = RoomRules.Apply(state, grace, Titanic, Noon.AddMinutes(6));

        Assert.Equal(["Ana", "Ben", "Cy"], early.State.Members.Select(m => m.DisplayName));
        Assert.Equal(["Cy"], late.State.Members.Select(m => m.DisplayName)); // Ben away since 12:00, Ana since 12:01: both past 5 minutes at 12:06
        Assert.True(late.State.Member("c")!.IsHost);
        Assert.Null(late.State.Seat("svm").HolderId);
        Assert.Equal("Ana, Ben left (away too long)", late.Description);
    }

    [Fact]
    public void EnterRoom_SecondTab_OneMemberTwoConnections_ClosingOneStaysPresent()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("a", "Ana"));

        var oneClosed = At(state, Noon, new LeaveRoom("a"));

        Assert.Single(state.Members);
        Assert.Equal(2, state.Member("a")!.Connections);
        Assert.True(oneClosed.Member("a")!.IsPresent);
        Assert.Equal("opened another tab", RoomRules.Apply(Room(new EnterRoom("a", "Ana")), new EnterRoom("a", "Ana"), Titanic).Description);
    }

    [Fact]
    public void EnterRoom_Rename_DescribedWithTheNewName()
    {
        var outcome = RoomRules.Apply(Room(new EnterRoom("a", "Guest")), new EnterRoom("a", "Ben"), Titanic);

        Assert.Equal("is now called Ben", outcome.Description);
        Assert.Equal("Ben", outcome.State.Member("a")!.DisplayName);
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("a1b2c3d4-e5f6_7890abcdef", true)]
    [InlineData("short", false)]
    [InlineData("has space in it 123", false)]
    [InlineData(null, false)]
    public void IsMemberKey_Text_OnlyLongUrlSafeKeys(string? key, bool expected) => Assert.Equal(expected, RoomRules.IsMemberKey(key));

    [Fact]
    public void ReleaseSeat_ByOtherMember_RefusedByHost_Allowed()
    {
        var state = Room(new EnterRoom("a", "Ana", AsHost: true), new EnterRoom("b", "Ben"), new EnterRoom("c", "Cy"), new ClaimSeat("b", "mlp"));

        Assert.Contains("Ben holds that seat", Refusal(state, new ReleaseSeat("c", "mlp")));
        Assert.Null(RoomRules.Apply(state, new ReleaseSeat("a", "mlp"), Titanic).State.Seat("mlp").HolderId);
    }

    [Theory]
    [InlineData("  Ana  ", "Ana")]
    [InlineData("", "Guest")]
    [InlineData("<b>x</b>\u0007", "<b>x</b>")]
    [InlineData("a very long name that goes on and on and on and on", "a very long name that goes on and on and")]
    public void CleanName_Input_TrimmedBoundedNoControlChars(string input, string expected)
    {
        Assert.Equal(expected, RoomRules.CleanName(input));
    }

    [Fact]
    public void RoomCode_New_SixUnambiguousCharsNormalizes()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => RoomCode.New()).ToArray();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$", c));
        Assert.True(codes.Distinct().Count() > 195);
        Assert.Equal("K7Q-2MX", RoomCode.Normalize(" k7q2mx "));
        Assert.Null(RoomCode.Normalize("K7Q-2M0")); // 0 is not in the alphabet
    }

    [Fact]
    public void AddAlgorithm_AnyoneWhoMaySteer_ClassroomModeHostOnly_TrainsOnlyTheNewCard()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true), new EnterRoom("b", "Ben"));

        var outcome = RoomRules.Apply(state, new AddAlgorithm("b", "balanced-random-forest"), Titanic);

        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp", "balanced-random-forest"], outcome.State.Algorithms.Select(a => a.AlgorithmId));
        Assert.Equal((RunScope.OneAlgorithm, "balanced-random-forest"), (outcome.Scope, outcome.AlgorithmId));
        Assert.Equal("added a card for Balanced random forest", outcome.Description);
        Assert.DoesNotContain(RoomRules.Addable(outcome.State), a => a.Id == "balanced-random-forest");

        var classroom = RoomRules.Apply(state, new SetHostOnlyControls("h", true), Titanic).State;
        Assert.Contains("only the host (Hana)", Refusal(classroom, new AddAlgorithm("b", "rusboost")));
        Assert.Null(RoomRules.Refusal(classroom, new AddAlgorithm("h", "rusboost")));
        Assert.Contains("only the host (Hana)", Refusal(RoomRules.Apply(classroom, new AddAlgorithm("h", "rusboost"), Titanic).State, new RemoveAlgorithm("b", "rusboost")));
    }

    [Fact]
    public void AddAlgorithm_AlreadyThereUnknownOrTooMany_RefusedWithASentence()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true));

        Assert.Equal("Linear SVM already has a card in this room.",
            Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new AddAlgorithm("h", "svm"), Titanic)).Message);
        Assert.StartsWith("There is no algorithm 'adaboost'. Choose from:",
            Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new AddAlgorithm("h", "adaboost"), Titanic)).Message);
        var full = RoomRules.Addable(state).Take(RoomRules.MaxCards - 4)
            .Aggregate(state, (s, a) => RoomRules.Apply(s, new AddAlgorithm("h", a.Id), Titanic).State);
        Assert.Equal(RoomRules.MaxCards, full.Algorithms.Count);
        Assert.StartsWith("A room shows at most 8 cards",
            Assert.Throws<ArgumentException>(() => RoomRules.Apply(full, new AddAlgorithm("h", RoomRules.Addable(full)[0].Id), Titanic)).Message);
    }

    [Fact]
    public void RemoveAlgorithm_AnAddedCardGoes_TheFourStay()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true), new EnterRoom("b", "Ben"), new AddAlgorithm("h", "isolation-forest"));

        var outcome = RoomRules.Apply(state, new RemoveAlgorithm("b", "isolation-forest"), Titanic);

        Assert.Equal(4, outcome.State.Algorithms.Count);
        Assert.Equal(RunScope.None, outcome.Scope);
        Assert.Equal("Linear SVM is one of the four course algorithms and stays; only added cards can be removed.",
            Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new RemoveAlgorithm("h", "svm"), Titanic)).Message);
    }

    [Fact]
    public void SetCosts_HostOnly_SeatsWeightingFromCostsFollowAndRetrain()
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true), new EnterRoom("b", "Ben"));
        Assert.Equal(CostMatrix.Equal, state.Costs);
        Assert.Equal("Only the host (Hana) sets what the mistakes cost.", Refusal(state, new SetCosts("b", 5, 1)));

        var plain = RoomRules.Apply(state, new SetCosts("h", 5, 1), Titanic);
        Assert.Equal((5.0, 1.0), (plain.State.Costs.FalseNegative, plain.State.Costs.FalsePositive));
        Assert.Equal(RunScope.None, plain.Scope); // nothing trains with the costs yet: cards re-read their confusion matrices
        Assert.Equal("set the costs: a false negative costs 5, a false positive 1", plain.Description);

        // "From costs" takes the room's costs whatever weight the client sent, and follows them when they change.
        var weighted = RoomRules.Apply(plain.State, new SetAlgorithm("h", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.FromCosts, 99)), Titanic).State;
        Assert.Equal(5.0, weighted.Seat("mlp").ClassWeight.PositiveWeight);
        var changed = RoomRules.Apply(weighted, new SetCosts("h", 10, 4), Titanic);
        Assert.Equal(2.5, changed.State.Seat("mlp").ClassWeight.PositiveWeight);
        Assert.Equal(RunScope.AllAlgorithms, changed.Scope);
    }

    [Theory]
    [InlineData(0, 1, "The cost of a false negative must be a number above 0 (e.g. 1, or 5 for a mistake five times as bad); 0 was given.")]
    [InlineData(1, -2, "The cost of a false positive must be a number above 0 (e.g. 1, or 5 for a mistake five times as bad); -2 was given.")]
    [InlineData(double.NaN, 1, "The cost of a false negative must be a number above 0 (e.g. 1, or 5 for a mistake five times as bad); NaN was given.")]
    [InlineData(1, double.PositiveInfinity, "The cost of a false positive must be a number above 0 (e.g. 1, or 5 for a mistake five times as bad); Infinity was given.")]
    public void SetCosts_NotAPositiveNumber_RefusedWithTheSentence(double falseNegative, double falsePositive, string sentence)
    {
        var state = Room(new EnterRoom("h", "Hana", AsHost: true));

        Assert.Equal(sentence, Assert.Throws<ArgumentException>(() => RoomRules.Apply(state, new SetCosts("h", falseNegative, falsePositive), Titanic)).Message);
        Assert.Equal(sentence, RoomRules.CostsProblem(falseNegative, falsePositive));
    }
}
