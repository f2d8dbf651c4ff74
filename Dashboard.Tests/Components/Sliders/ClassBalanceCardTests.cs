using Bunit;
using Dashboard.Components.Sliders;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Sliders;

/// <summary>The class-balance track on a slider card: −100 % … +100 %, and a readout of the minority's share and the rows it took.</summary>
public class ClassBalanceCardTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private static readonly ClassGroup Minority = ClassGroup.Minority(Titanic.Data, Titanic.Split.TrainRows);
    private readonly List<double?> _moves = [];

    public ClassBalanceCardTests() => RenderPopoverProvider();

    private (IRenderedComponent<SliderCard> Card, ChangeReport? Report) Render(double position)
    {
        var slider = SliderState.BalanceTrack(RoomDefaults.ClassSliderId, Minority) with { Balance = position };
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [slider], []);
        var run = RunPreparation.Prepare(Titanic, state.Changes(), seed: 42);
        var readout = SliderReadout.For(slider, state, Titanic, run.Summary);
        var card = Context.Render<SliderCard>(p => p
            .Add(c => c.Slider, slider)
            .Add(c => c.Readout, readout)
            .Add(c => c.Data, Titanic.Data)
            .Add(c => c.OnShareChanged, value => _moves.Add(value)));
        return (card, state.ReportOf(slider, run.Summary));
    }

    [Fact]
    public void Left_ReadoutSaysTheMinorityShareReachedAndTheMajorityRowsRemoved()
    {
        var (card, report) = Render(-0.5);

        Assert.NotNull(report);
        Assert.True(report.RowsRemoved > 0);
        var readout = card.Find(".slider-readout").TextContent;
        Assert.StartsWith("Minority survived = yes: ", readout);
        Assert.EndsWith($"→ {SliderReadout.Percent(report.ShareAfter)} of training rows (−{report.RowsRemoved:N0} survived = no rows)", readout);
        Assert.Equal($"Random undersampling removed {report.RowsRemoved:N0} rows of the majority class (survived = no); every survived = yes row was kept.",
            card.Find(".slider-what").TextContent);
        var input = card.Find("input[type=range]");
        Assert.Equal("-100", input.GetAttribute("min"));
        Assert.Equal("100", input.GetAttribute("max"));
        Assert.Equal("-50", input.GetAttribute("value"));
        Assert.Contains("undersample the majority (survived = no)", card.Find(".slider-caption").TextContent);
        Assert.Contains("now −50 % of the way to 50/50", card.Find(".slider-caption").TextContent);
        Assert.Equal(["−100 %: 50/50 by removing survived = no rows", "0: as in the data", "+100 %: 50/50 by adding synthetic survived = yes rows"], card.FindAll(".balance-ends span").Select(s => s.TextContent));
    }

    [Fact]
    public void Right_ReadoutSaysTheMinorityShareReachedAndTheSyntheticRowsAdded()
    {
        var (card, report) = Render(0.5);

        Assert.NotNull(report);
        Assert.True(report.RowsAdded > 0);
        Assert.EndsWith($"→ {SliderReadout.Percent(report.ShareAfter)} of training rows (+{report.RowsAdded:N0} synthetic survived = yes rows)",
            card.Find(".slider-readout").TextContent);
        Assert.StartsWith($"SMOTE-NC added {report.RowsAdded:N0} synthetic survived = yes rows (k=5)", card.Find(".slider-what").TextContent);
        Assert.Contains("no survived = no row was removed", card.Find(".slider-what").TextContent);
    }

    [Fact]
    public void Neutral_ReadoutSaysTheDataAsItIs_AndWhatEachSideDoes()
    {
        var (card, report) = Render(0);

        Assert.Null(report);
        Assert.EndsWith("of training rows (as in the data)", card.Find(".slider-readout").TextContent);
        Assert.Contains("Left removes survived = no rows, right adds synthetic survived = yes rows; both ends reach 50/50.", card.Find(".slider-what").TextContent);
    }

    [Fact]
    public void Release_OnTheLeft_SendsTheSignedPosition()
    {
        var (card, _) = Render(0);

        card.Find("input[type=range]").Change("-75");

        Assert.Equal([-0.75], _moves);
    }

    [Fact]
    public void Drag_Left_PreviewSaysTheMajorityRowsItWouldRemove_NeutralTickInTheMiddle()
    {
        var (card, _) = Render(0);
        var (removed, _, share) = ClassBalance.RowsFor(-1, card.Instance.Readout.GroupRows, card.Instance.Readout.RealRows - card.Instance.Readout.GroupRows);

        card.Find("input[type=range]").Input("-100");

        Assert.Equal($"At −100 %: about {removed:N0} survived = no rows removed; minority {SliderReadout.Percent(share)}.", card.Find(".slider-preview").TextContent);
        Assert.Equal("50.0%", SliderReadout.Percent(share));
        Assert.Empty(_moves);
        Assert.Equal("left: calc(2px + (100% - 4px) * 0.5)", card.Find(".neutral-tick").GetAttribute("style"));
    }
}
