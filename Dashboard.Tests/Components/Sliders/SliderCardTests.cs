using Bunit;
using Dashboard.Components.Sliders;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Sliders;

public class SliderCardTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");
    private readonly List<double?> _moves = [];

    public SliderCardTests() => RenderPopoverProvider();

    private IRenderedComponent<SliderCard> Render(SliderState slider)
    {
        var state = new RoomState("ABC-DEF", new DatasetChoice("titanic"), [slider], []);
        var run = RunPreparation.Prepare(Titanic, state.Changes(), seed: 42);
        var readout = SliderReadout.For(slider, state, Titanic, run.Summary);
        var (before, after, synthetic) = SliderDistributions.For(slider, Titanic, run.Resampled);
        return Context.Render<SliderCard>(p => p
            .Add(c => c.Slider, slider)
            .Add(c => c.Readout, readout)
            .Add(c => c.Data, Titanic.Data)
            .Add(c => c.Before, before)
            .Add(c => c.After, after)
            .Add(c => c.Synthetic, synthetic)
            .Add(c => c.OnShareChanged, share => _moves.Add(share)));
    }

    [Fact]
    public void Release_AfterDragging_CallsServiceOnceWithShare()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));
        var input = cut.Find("input[type=range]");

        // Dragging moves nothing (the readout follows the thumb); the move is sent on "change" (release).
        input.Input("30");
        Assert.Empty(_moves);
        input.Change("40");

        Assert.Equal([0.4], _moves);
    }

    [Fact]
    public void PointerRelease_TheCardLeavesItsRedrawToThePage()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));
        var input = cut.Find("input[type=range]");
        input.Input("30");
        Assert.Single(cut.FindAll(".slider-preview"));

        input.Change("40");

        // Sent, but not drawn by the card itself: that render would reach the browser just ahead of the move's results.
        Assert.Equal([0.4], _moves);
        Assert.Single(cut.FindAll(".slider-preview"));
        cut.Render(); // the page's next render draws the card: the preview is gone
        Assert.Empty(cut.FindAll(".slider-preview"));
    }

    [Fact]
    public void FocusGroupAndMethods_DrawnOnlyOnceOpened()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));

        // Collapsed, the settings are not in the page (a first visit's page drew every slider's selects for nothing).
        Assert.DoesNotContain("Left: undersampling", cut.Markup);

        cut.Find(".mud-expand-panel-header").Click();

        cut.WaitForAssertion(() => Assert.Contains("Left: undersampling", cut.Markup));
    }

    [Fact]
    public void PointerDownAndKeyDown_ChangeNothingShown_NoRender()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));
        var track = cut.Find(".slider-track");
        var renders = cut.RenderCount;

        track.PointerDown();
        track.KeyDown("ArrowRight");
        Assert.Equal(renders, cut.RenderCount);

        // The thumb moving does show (the readout follows it).
        cut.Find("input[type=range]").Input("30");
        Assert.True(cut.RenderCount > renders);
    }

    [Fact]
    public async Task KeyboardGesture_FivePresses_OneMoveWithTheLastShare_AfterThePause()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));

        foreach (var percent in new[] { "36", "36.5", "37", "37.5", "38" })
        {
            // On the renderer's thread: the render that ends the cancelled wait of the press before comes on another
            // thread, and one between finding the track and pressing would leave the press a handler it had replaced.
            await cut.InvokeAsync(() =>
            {
                cut.Find(".slider-track").KeyDown("ArrowRight");
                cut.Find("input[type=range]").Change(percent);
            });
        }

        Assert.Empty(_moves); // the keys have not rested yet
        cut.WaitForAssertion(() => Assert.Equal([0.38], _moves), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void KeyboardGesture_FocusLeaves_CommitsAtOnce()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female")));
        var track = cut.Find(".slider-track");
        track.KeyDown("ArrowRight");
        cut.Find("input[type=range]").Change("36");

        track.FocusOut();

        Assert.Equal([0.36], _moves);
    }

    [Fact]
    public void Render_MovedSlider_ShowsReadoutAndWhatHappened()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female"), TargetShare: 0.4));

        var readout = cut.Find(".slider-readout").TextContent;
        Assert.Matches(@"^gender = female: \d+\.\d% → 40\.0% of training rows \(\+[\d,]+ synthetic\)$", readout);
        Assert.Contains("between real gender = female rows of the same outcome (survived)", cut.Find(".slider-what").TextContent);
        Assert.Equal("gender", cut.Find(".slider-card b").TextContent);
    }

    [Fact]
    public void Reset_MovedSlider_CallsServiceWithNeutral()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female"), TargetShare: 0.4));

        cut.Find("button[aria-label='Reset gender']").Click();

        // MudIconButton may finish its click handler after an await: wait for it instead of racing it under load.
        cut.WaitForAssertion(() => Assert.Equal([null], _moves));
    }

    [Fact]
    public void Render_EveryTrack_HasANeutralTickAtTheDataShare()
    {
        var cut = Render(new SliderState("feature:gender", new CategoryGroup("gender", "female"), TargetShare: 0.4));
        var neutral = cut.Instance.Readout.NeutralShare;

        var tick = cut.Find(".slider-track .neutral-tick");

        // The track runs from 1 % to 95 %: the tick sits that far along it, whatever the thumb's position.
        var along = ((neutral * 100 - 1) / 94).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"left: calc(2px + (100% - 4px) * {along})", tick.GetAttribute("style"));
        Assert.Contains(SliderReadout.Percent(neutral), tick.GetAttribute("title"));
    }

    [Fact]
    public void Drag_PastMoreSyntheticThanRealRows_WarnsBeforeRelease_WithoutMoving()
    {
        var cut = Render(new SliderState(RoomDefaults.ClassSliderId, new ClassGroup(1)));
        var readout = cut.Instance.Readout;
        var real = Titanic.Split.TrainRows.Count;
        Assert.Empty(cut.FindAll(".synthetic-warning"));

        cut.Find("input[type=range]").Input("95");

        var warning = cut.Find(".synthetic-warning").TextContent;
        Assert.Contains($"adds about {readout.RowChangeAt(0.95):N0} synthetic rows, more than the {real:N0} real training rows", warning);
        Assert.Equal($"At 95.0%: about +{readout.RowChangeAt(0.95):N0} synthetic rows.", cut.Find(".slider-preview").TextContent);
        Assert.Empty(_moves); // a warning, not a block: nothing was sent, and release still moves
        cut.Find("input[type=range]").Change("95");
        Assert.Equal([0.95], _moves);
    }

    [Fact]
    public void Drag_FewerSyntheticThanRealRows_PreviewWithoutWarning()
    {
        var cut = Render(new SliderState(RoomDefaults.ClassSliderId, new ClassGroup(1)));
        var readout = cut.Instance.Readout;
        Assert.InRange(readout.RowChangeAt(0.5), 1, Titanic.Split.TrainRows.Count); // adds rows, fewer than the real ones

        cut.Find("input[type=range]").Input("50");

        Assert.StartsWith("At 50.0%: about +", cut.Find(".slider-preview").TextContent);
        Assert.Empty(cut.FindAll(".synthetic-warning"));
    }

    [Fact]
    public void KeyboardEnd_WarnsWhileTheKeysRest_BeforeTheMoveIsSent()
    {
        var cut = Render(new SliderState(RoomDefaults.ClassSliderId, new ClassGroup(1)));
        var track = cut.Find(".slider-track");

        track.KeyDown("End");
        cut.Find("input[type=range]").Change("95");

        Assert.Empty(_moves);
        Assert.NotEmpty(cut.FindAll(".synthetic-warning"));
    }
}
