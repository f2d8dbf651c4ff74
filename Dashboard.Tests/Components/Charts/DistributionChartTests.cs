using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

public class DistributionChartTests
{
    private static readonly ClassLabels Survived = new("survived", "yes", "no");

    private static readonly Lazy<(Dataset Data, LabeledDataset Labeled)> Titanic = new(() =>
    {
        var data = TestData.Bundled("titanic");
        return (data, LabeledDataset.Create(data, new TargetChoice("survived")));
    });

    private static (Distribution Before, Distribution After, Distribution Synthetic) Distributions(string column)
    {
        var (data, labeled) = Titanic.Value;
        var rows = Enumerable.Range(0, data.RowCount).ToList();
        var before = DatasetProfiler.Distribution(data.Column(column), rows, labeled.Labels);
        // Stand-ins for the resampler's output: some rows kept, some "synthetic" ones, binned like before.
        var after = DatasetProfiler.Distribution(data.Column(column), rows.Where(r => r % 4 != 0).ToList(), labeled.Labels, binEdges: before.BinEdges);
        var synthetic = DatasetProfiler.Distribution(data.Column(column), rows.Where(r => r % 5 == 0).ToList(), labeled.Labels, binEdges: before.BinEdges);
        return (before, after, synthetic);
    }

    [Fact]
    public void Build_Categorical_BeforeOnLeftRealAndSyntheticStackedOnRightByClass()
    {
        var (before, after, synthetic) = Distributions("gender");

        var bars = DistributionChart.Build(before, after, synthetic, Survived).Traces.Cast<Bar>().ToList();

        Assert.Equal(["x", "x", "x2", "x2", "x2", "x2"], bars.Select(b => b.XAxis));
        Assert.Equal(["survived=no", "survived=yes", "survived=no", "survived=yes", "synthetic survived=no", "synthetic survived=yes"],
            bars.Select(b => b.Name));
        Assert.Equal(before.Labels, bars[0].X);
        Assert.Equal(before.CountsByClass![1].Cast<object>(), bars[1].Y);
        Assert.Equal(after.CountsByClass![0].Cast<object>(), bars[2].Y);
        Assert.Equal(synthetic.CountsByClass![1].Cast<object>(), bars[5].Y);
        Assert.Null(bars[2].Marker.Pattern);
        Assert.NotNull(bars[4].Marker.Pattern); // synthetic rows are hatched in their own tint
        Assert.NotEqual(bars[2].Marker.Color, bars[4].Marker.Color);
    }

    [Fact]
    public void Build_Numeric_HistogramBarsAtBinCentresAsWideAsTheBins()
    {
        var (before, after, _) = Distributions("age");

        var figure = DistributionChart.Build(before, after, null, Survived);
        var first = (Bar)figure.Traces[0];

        Assert.Equal(4, figure.Traces.Count);
        var edges = before.BinEdges;
        Assert.Equal((edges[0] + edges[1]) / 2, (double)first.X[0]);
        Assert.Equal((decimal)(edges[1] - edges[0]), first.WidthArray[0]);
        Assert.Contains(before.Labels[0], first.HoverTextArray[0]);
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear, figure.Layout.XAxis[0].Type);
    }

    [Fact]
    public void Build_Titles_CountRowsOnEachSide()
    {
        var (before, after, synthetic) = Distributions("gender");

        var titles = DistributionChart.Build(before, after, synthetic, Survived).Layout.Annotations.Select(a => a.Text).ToList();

        Assert.StartsWith($"before: {before.Counts.Sum():N0} original rows", titles[0]);
        Assert.Equal($"after: {after.Counts.Sum() + synthetic.Counts.Sum():N0} rows (+{synthetic.Counts.Sum():N0} synthetic)", titles[1]);
    }
}
