using Bunit;
using Dashboard.Components.Panels;
using Dashboard.Core.Data;
using Dashboard.Core.Fairness;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Panels;

/// <summary>The fairness panel: the picker, the proxy note and one table of rates per group for each card.</summary>
public class FairnessPanelTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly DatasetWorkspace Workspace =
        new("Titanic", null, Titanic, DatasetProfiler.Profile(Titanic.Data.Data, Titanic.Data), [], "LightGBM", []);

    private readonly List<string?> _chosen = [];
    private readonly List<bool> _leaveOut = [];

    /// <summary>A room on titanic whose LightGBM flags exactly the women (score 0.9) and no man (0.1); the other cards have no result yet.</summary>
    private static RoomView Room(string? sensitive, bool leaky = false)
    {
        var scores = Titanic.Split.TestRows.Select(r => Titanic.Data.Data.Column("gender").FormatValue(r) == "female" ? 0.9 : 0.1).ToArray();
        var result = TestResults.Completed("lightgbm", scores, labels: [.. Titanic.TestLabels]);
        var state = new RoomState("K7Q-2MX", new DatasetChoice("titanic"), [], RoomDefaults.Algorithms(), Leaky: leaky) { SensitiveColumn = sensitive };
        return new RoomView { State = state, Workspace = Workspace, Latest = new Dictionary<string, AlgorithmResult> { ["lightgbm"] = result } };
    }

    private IRenderedComponent<FairnessPanel> Render(RoomView room, bool readOnly = false)
    {
        RenderPopoverProvider();
        return Context.Render<FairnessPanel>(p => p.Add(c => c.Snapshot, room).Add(c => c.ReadOnly, readOnly).Add(c => c.OnSetColumn, column => _chosen.Add(column))
            .Add(c => c.OnLeaveProxiesOut, leaveOut => _leaveOut.Add(leaveOut)));
    }

    [Fact]
    public void NoSensitiveColumn_HintAndNoTables()
    {
        var cut = Render(Room(null));

        Assert.Contains("Mark a column such as gender as sensitive", cut.Find(".fairness-hint").TextContent);
        Assert.Empty(cut.FindAll(".group-rates"));
    }

    [Fact]
    public void Gender_EachCardHasATable_RatesGapsAndUndefinedPrecisionExplained()
    {
        var cut = Render(Room("gender"));

        Assert.Equal(4, cut.FindAll(".group-rates").Count);
        var lightgbm = cut.Find(".group-rates[data-algorithm=lightgbm]");
        var men = lightgbm.QuerySelector("tr[data-group=male]")!;
        Assert.Equal(("0.000", "0.000", "n/a"), (men.QuerySelector(".rate-Recall")!.TextContent, men.QuerySelector(".rate-FalsePositiveRate")!.TextContent,
            men.QuerySelector(".rate-Precision")!.TextContent));
        Assert.Equal("the model flags none of its rows", men.QuerySelector(".rate-Precision")!.GetAttribute("title"));
        Assert.Equal("1.000", lightgbm.QuerySelector("tr[data-group=female] .rate-Recall")!.TextContent);
        Assert.Equal("Equal opportunity: recall differs by 1.000 (female 1.000, male 0.000).", lightgbm.QuerySelector(".gap-equal-opportunity")!.TextContent);
        Assert.Equal("Demographic parity: selection rate differs by 1.000 (female 1.000, male 0.000).", lightgbm.QuerySelector(".gap-demographic-parity")!.TextContent);
        Assert.Equal("male: no precision (the model flags none of its rows).", lightgbm.QuerySelector(".undefined-rate")!.TextContent);
        Assert.Equal("No result yet.", cut.Find(".group-rates[data-algorithm=svm] .group-rates-missing").TextContent);
    }

    [Fact]
    public void Gender_NameFlaggedAsAProxyTheModelsDoNotSee()
    {
        var cut = Render(Room("gender"));

        var note = cut.Find(".proxy-note");
        Assert.Equal(["name"], cut.FindAll(".proxy-column").Select(e => e.TextContent));
        Assert.Contains("left out of the features", note.TextContent);
        Assert.Contains("A model that never sees gender can still learn it from these.", note.TextContent);
    }

    [Fact]
    public void Age_NoProxy_SaysSoAndNamesTheStrongest()
    {
        var cut = Render(Room("age"));

        Assert.Matches(@"^No column is strongly tied to age \(Cramér's V below 0\.5 on the training rows\); the strongest is \w+ at 0\.\d{3}\.$",
            cut.Find(".proxy-note").TextContent.Trim());
        // A numeric column is grouped by its training rows' quartiles: the groups are the bins, lowest first.
        // (The few blank ages fall in the training rows: no "(missing)" group has a test row, so none is shown.)
        var rows = cut.Find(".group-rates[data-algorithm=lightgbm]").QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-group") ?? "").ToArray();
        Assert.Equal(["< 22", "[22, 29)", "[29, 38)", "≥ 38"], rows);
    }

    [Fact]
    public void LeakyMode_SaysWhyAndShowsNoRates()
    {
        var room = Room("gender", leaky: true);
        var leakyResult = TestResults.Completed("lightgbm", TestResults.GoodScores); // tested on other rows
        var cut = Render(room with { Latest = new Dictionary<string, AlgorithmResult> { ["lightgbm"] = leakyResult } });

        Assert.Contains("Leaky mode tests on rows split off after resampling", cut.Find(".fairness-leaky").TextContent);
        Assert.Empty(cut.FindAll(".group-rates-table"));
    }

    [Fact]
    public void ReadOnly_PickerDisabled()
    {
        var cut = Render(Room("gender"), readOnly: true);

        Assert.True(cut.Find(".sensitive-column input").HasAttribute("disabled"));
    }

    [Fact]
    public void GapSentence_OneGroupWithPositives_NothingToCompare()
    {
        var gap = new FairnessGap(GroupMetric.Recall, 0, "female", 0.8, "female", 0.8, GroupsCompared: 1);

        Assert.Equal("Equal opportunity: only female has a recall; nothing to compare.", GroupRatesTable.GapSentence(gap, "recall", "unused"));
        Assert.Equal("Equal opportunity: no group has a positive test row.", GroupRatesTable.GapSentence(null, "recall", "no group has a positive test row"));
    }

    [Fact]
    public void LeaveProxiesOut_ButtonNamesWhatTheModelsSee_AndAsksForIt()
    {
        var cut = Render(Room("gender"));

        // name is gender's proxy but no feature; gender itself is one: the button leaves gender out.
        var button = cut.Find(".leave-proxies-out");
        Assert.Equal("Leave gender out", button.TextContent.Trim());
        Assert.Empty(cut.FindAll(".proxies-left-out"));

        button.Click();

        Assert.Equal([true], _leaveOut);
    }

    [Fact]
    public void ProxiesLeftOut_PanelSaysWhichAndPutsThemBack_NoSecondLeaveButton()
    {
        var room = Room("gender");
        var cut = Render(room with { State = room.State with { ProxiesLeftOut = new ProxyExclusion("gender", ["gender", "title"], null) } });

        var note = cut.Find(".proxies-left-out");
        Assert.Equal(["gender", "title"], cut.FindAll(".left-out-column").Select(e => e.TextContent));
        Assert.Contains("Left out of the features (for gender): gender, title. No model sees them now.", System.Text.RegularExpressions.Regex.Replace(note.TextContent, @"\s+", " "));
        Assert.Empty(cut.FindAll(".leave-proxies-out"));

        cut.Find(".put-proxies-back").Click();

        Assert.Equal([false], _leaveOut);
    }

    [Fact]
    public void LeaveProxiesOut_ReadOnly_Disabled()
    {
        var cut = Render(Room("gender"), readOnly: true);

        Assert.True(cut.Find(".leave-proxies-out").HasAttribute("disabled"));
    }
}
