using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Data;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;
using Plotly.Blazor.Interop;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Tests.Components.Data;

/// <summary>The synthetic-row inspector's scatter: real and synthetic rows over two columns, and a synthetic row's parents on demand.</summary>
public class SyntheticScatterTests : ComponentTest
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    /// <summary>The class slider half way to 50/50 on its SMOTE side: synthetic survivors.</summary>
    private static readonly Lazy<ResampledTrainingSet> Smoted = new(SyntheticRowInspectorTests.Smoted);

    private static NumericColumn Real(string column) => (NumericColumn)Smoted.Value.Source.Column(column);

    private static NumericColumn Synthetic(string column) => (NumericColumn)Smoted.Value.Synthetic.Column(column);

    private IRenderedComponent<SyntheticScatter> Render() =>
        Context.Render<SyntheticScatter>(p => p.Add(c => c.Resampled, Smoted.Value).Add(c => c.Columns, ["gender", "fare", "age", "class", "sibsp"])
            .Add(c => c.Classes, ClassLabels.From(Titanic.Data)));

    private static List<Scatter> Traces(IRenderedComponent<SyntheticScatter> cut) =>
        cut.FindComponent<PlotlyFigure>().Instance.Figure.Traces.Cast<Scatter>().ToList();

    [Fact]
    public void Figure_RealRowsByClassAndSyntheticRows_CountsOfRowsWithBothValues()
    {
        var set = Smoted.Value;
        var cut = Render();

        // The two most important numeric columns by default (gender is a category): fare across, age up.
        var figure = cut.FindComponent<PlotlyFigure>().Instance.Figure;
        Assert.Equal(("fare", "age"), (figure.Layout.XAxis[0].Title.Text, figure.Layout.YAxis[0].Title.Text));
        var traces = Traces(cut);
        Assert.Equal(["no (real)", "yes (real)", "yes (synthetic)"], traces.Select(t => t.Name));
        bool Both(NumericColumn x, NumericColumn y, int row) => !x.IsMissing(row) && !y.IsMissing(row);
        Assert.True(set.OriginalRows.Count <= SyntheticScatter.MaxPoints); // titanic: every training row is drawn
        for (var label = 0; label < 2; label++)
        {
            var expected = set.OriginalRows.Where((r, i) => set.Labels[i] == label && Both(Real("fare"), Real("age"), r)).Count();
            Assert.Equal(expected, traces[label].X.Count);
        }
        var synthetic = Enumerable.Range(0, set.Synthetic.RowCount).Count(i => Both(Synthetic("fare"), Synthetic("age"), i));
        Assert.True(synthetic > 100);
        Assert.Equal(synthetic, traces[2].X.Count);
        Assert.All(traces[2].CustomData, i => Assert.Equal(1, set.SyntheticLabels[(int)i])); // SMOTE on the minority: all survivors
        Assert.Contains($"{set.Synthetic.RowCount:N0} synthetic rows drawn", cut.Find(".scatter-counts").TextContent.Replace($"{synthetic:N0} of ", ""));
    }

    [Fact]
    public async Task HoverOnASyntheticRow_SegmentFromParentAThroughItToParentB()
    {
        var set = Smoted.Value;
        var cut = Render();
        var before = Traces(cut);
        var index = (int)before[2].CustomData[5];

        await cut.InvokeAsync(() => cut.FindComponent<PlotlyFigure>().Instance.OnPointHovered.InvokeAsync(new EventDataPoint { CurveNumber = 2, PointNumber = 5 }));

        Assert.Equal(index, cut.Instance.Selected);
        var traces = Traces(cut);
        Assert.Equal(before.Count + 1, traces.Count);
        var segment = traces[^1];
        var origin = set.SyntheticOrigins[index];
        Assert.Equal([Real("fare")[origin.BaseRow], Synthetic("fare")[index], Real("fare")[origin.NeighbourRow]], segment.X);
        Assert.Equal(ModeFlag.Lines | ModeFlag.Markers | ModeFlag.Text, segment.Mode);
        // On a segment between its parents when both are real: fare = A + u (B − A).
        if (origin.FromRealParents)
        {
            Assert.Equal(Real("fare")[origin.BaseRow] + origin.Step * (Real("fare")[origin.NeighbourRow] - Real("fare")[origin.BaseRow]), Synthetic("fare")[index], 6);
        }

        // Hovering over a real row keeps the selection.
        await cut.InvokeAsync(() => cut.FindComponent<PlotlyFigure>().Instance.OnPointHovered.InvokeAsync(new EventDataPoint { CurveNumber = 0, PointNumber = 3 }));
        Assert.Equal(index, cut.Instance.Selected);
    }

    [Fact]
    public void PickedColumns_Axes()
    {
        var figure = SyntheticScatter.Build(Smoted.Value, "sibsp", "fare", ClassLabels.From(Titanic.Data));

        Assert.Equal(("sibsp", "fare"), (figure.Layout.XAxis[0].Title.Text, figure.Layout.YAxis[0].Title.Text));
        Assert.Equal(["fare", "age", "sibsp"], SyntheticScatter.NumericOf(Smoted.Value, ["gender", "fare", "age", "class", "sibsp", "name"]));
    }
}
