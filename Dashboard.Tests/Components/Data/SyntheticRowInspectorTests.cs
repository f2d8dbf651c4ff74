using System.Globalization;
using Bunit;
using Dashboard.Components.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Data;

/// <summary>The synthetic-row inspector: a few SMOTE rows, each shown between the two real rows it was made from.</summary>
public class SyntheticRowInspectorTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    /// <summary>The class slider half way to 50/50 on its SMOTE side: synthetic survivors.</summary>
    internal static ResampledTrainingSet Smoted()
    {
        var state = new RoomState("K7Q-2MX", new DatasetChoice("titanic"), RoomDefaults.Sliders(Titanic, []), RoomDefaults.Algorithms());
        state = RoomRules.Apply(state, new MoveSlider(RoomRules.SystemMember, RoomDefaults.ClassSliderId, 0.5), Titanic).State;
        return RunPreparation.Prepare(Titanic, state.Changes(), seed: 42).Resampled;
    }

    private IRenderedComponent<SyntheticRowInspector> Render(ResampledTrainingSet? set) =>
        Context.Render<SyntheticRowInspector>(p => p.Add(c => c.Resampled, set).Add(c => c.Columns, ["age", "fare", "gender", "class"]));

    [Fact]
    public void SmoteMove_ThreeRowsEachBetweenItsParents_NumbersOnTheSegment()
    {
        var set = Smoted();

        var cut = Render(set);

        var rows = cut.FindAll(".synthetic-table tbody tr");
        Assert.Equal(9, rows.Count); // three blocks: parent A, synthetic, parent B
        Assert.Contains($"{set.Synthetic.RowCount:N0} synthetic rows in the latest training rows", cut.Find(".synthetic-inspector").TextContent);
        for (var block = 0; block < 3; block++)
        {
            var (a, synthetic, b) = (rows[3 * block], rows[3 * block + 1], rows[3 * block + 2]);
            foreach (var column in new[] { 1, 2 }) // age, fare
            {
                var values = new[] { a, synthetic, b }.Select(r => r.Children[column].TextContent.Trim()).ToArray();
                if (values.Any(v => !double.TryParse(v, CultureInfo.InvariantCulture, out _))) continue; // a blank parent: the other's value is taken
                var (lo, mid, hi) = (double.Parse(values[0], CultureInfo.InvariantCulture), double.Parse(values[1], CultureInfo.InvariantCulture), double.Parse(values[2], CultureInfo.InvariantCulture));
                Assert.InRange(mid, Math.Min(lo, hi) - 0.0005, Math.Max(lo, hi) + 0.0005); // shown to three decimals
            }
            Assert.Equal("yes", Titanic.Data.ClassName(Titanic.Data.Labels[int.Parse(a.GetAttribute("data-row")!)])); // SMOTE on the minority: both parents survived
            Assert.Equal("yes", Titanic.Data.ClassName(Titanic.Data.Labels[int.Parse(b.GetAttribute("data-row")!)]));
        }
    }

    [Fact]
    public void NoSyntheticRows_NothingShown()
    {
        Assert.Empty(Render(null).FindAll(".synthetic-inspector"));
        Assert.Empty(Render(RunPreparation.Prepare(Titanic, [], seed: 42).Resampled).FindAll(".synthetic-inspector"));
    }

    [Fact]
    public void Pick_SpreadsOverAllRows_FirstMiddleLast()
    {
        var origins = Enumerable.Range(0, 101).Select(i => new SyntheticOrigin(i, i + 1, 0.5, 0, true)).ToArray();

        Assert.Equal([0, 50, 100], SyntheticRowInspector.Pick(origins, 3).Select(s => s.Index));
        Assert.Equal([0, 1], SyntheticRowInspector.Pick(origins[..2], 3).Select(s => s.Index));
    }
}
