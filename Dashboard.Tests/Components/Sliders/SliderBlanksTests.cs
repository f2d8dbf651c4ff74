using Dashboard.Components.Sliders;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Sliders;

/// <summary>The blanks line of a slider's readout: counted over the group's training rows, explained once.</summary>
public class SliderBlanksTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    [Fact]
    public void ClassTrack_MinorityRowsWithABlank_CountedFromTheSplit()
    {
        var data = Titanic.Data;
        var minority = ClassGroup.Minority(data, Titanic.Split.TrainRows);
        var group = Titanic.Split.TrainRows.Where(r => data.Labels[r] == minority.Label).ToArray();
        var features = data.FeatureNames.Select(data.Data.Column).ToArray();
        var expected = group.Count(r => features.Any(c => c.IsMissing(r)));

        var line = SliderBlanks.For(SliderState.BalanceTrack("class", minority), Titanic);

        Assert.NotNull(line);
        Assert.StartsWith($"Blanks: {expected:N0} of the group's {group.Length:N0} training rows have one (", line);
        Assert.Contains("SMOTE gives a synthetic row the other parent's number where one parent is blank", line);
    }

    [Fact]
    public void GroupWithoutBlanks_NoLine()
    {
        var breastCancer = TrainingFixtures.BreastCancer; // no blank value anywhere
        var minority = ClassGroup.Minority(breastCancer.Data, breastCancer.Split.TrainRows);

        Assert.Null(SliderBlanks.For(SliderState.BalanceTrack("class", minority), breastCancer));
    }
}
