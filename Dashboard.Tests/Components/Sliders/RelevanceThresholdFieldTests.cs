using Bunit;
using Dashboard.Components.Sliders;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Components.Sliders;

/// <summary>The rare-values slider's relevance threshold control: its readout follows the thumb, and "Set" sends the threshold.</summary>
public class RelevanceThresholdFieldTests : ComponentTest
{
    private static readonly LabeledDataset Ames = LabeledDataset.Create(TestData.Bundled("ames_housing"), new TargetChoice("Sale_Price"));
    private static readonly IReadOnlyList<int> TrainRows = StratifiedSplitter.Split(Ames.Labels, 0.25, 42).TrainRows;
    private readonly List<double> _set = [];

    private IRenderedComponent<RelevanceThresholdField> Render(bool readOnly = false) => Context.Render<RelevanceThresholdField>(p => p
        .Add(c => c.Target, Ames.Regression!)
        .Add(c => c.TargetColumn, "Sale_Price")
        .Add(c => c.TrainRows, TrainRows)
        .Add(c => c.ReadOnly, readOnly)
        .Add(c => c.OnSet, threshold => _set.Add(threshold)));

    [Fact]
    public void Render_RoomsThreshold_CountsTheRareTrainingRows()
    {
        var cut = Render();

        // docs/regression.md: 346 of the 2,197 training rows at seed 42 are rare at 0.5, prices from 249,466 up; the
        // cheapest training sale there is 249,700.
        Assert.Equal("At 0.5 (the room's): 346 of 2,197 training rows are rare (15.7%): Sale_Price 249,700 and up.",
            cut.Find(".relevance-threshold-readout").TextContent.Trim());
        Assert.True(cut.Find("button.relevance-threshold-set").HasAttribute("disabled")); // nothing to set yet
    }

    [Fact]
    public void MoveTheThumb_ReadoutCountsAtTheNewThreshold_SetSendsIt()
    {
        var cut = Render();

        cut.Find(".relevance-threshold-input input").Input("0.8");

        var expected = Ames.Regression!.RareAt(TrainRows, 0.8);
        Assert.True(expected.Count < 346);
        Assert.Contains($"At 0.8: {expected.Count} of 2,197 training rows are rare", cut.Find(".relevance-threshold-readout").TextContent);
        cut.Find("button.relevance-threshold-set").Click();
        Assert.Equal([0.8], _set);
    }

    [Fact]
    public void ReadOnly_NothingToSet()
    {
        var cut = Render(readOnly: true);

        Assert.True(cut.Find("button.relevance-threshold-set").HasAttribute("disabled"));
    }
}
