using Dashboard.Components.Explanations;
using Dashboard.Core.Explanations;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Explanations;

public class WaterfallChartTests
{
    /// <summary>Ten columns, largest |contribution| first, as RowExplainer orders them; base 0.3 + sum 0.38 = 0.68.</summary>
    private static RowExplanation Explanation(bool sampled) => new(12, "mlp", sampled ? ExplanationMethod.SamplingShapley : ExplanationMethod.TreeShap,
        "probability", 0.3, 0.68,
        [.. new[] { 0.2, -0.12, 0.1, 0.09, 0.08, -0.05, 0.04, 0.03, 0.05 - 0.02, -0.02 }
            .Select((c, i) => new ColumnContribution($"c{i}", c, sampled ? 0.01 * (i + 1) : null))]);

    [Fact]
    public void Steps_TenColumnsShowingEight_AverageEightColumnsTheOtherTwoSummedThenThisRow_EndingAtTheRowsValue()
    {
        var steps = WaterfallChart.Steps(Explanation(sampled: false), new Dictionary<string, string> { ["c0"] = "male" }, columns: 8);

        Assert.Equal(["average", "c0 = male", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "2 other columns", "this row"], steps.Select(s => s.Label));
        Assert.Equal(["absolute", .. Enumerable.Repeat("relative", 9), "total"], steps.Select(s => s.Measure));
        Assert.Equal(0.03 - 0.02, steps[9].Value, 12);
        Assert.Equal(0.68, steps[^2].End, 12); // the contributions add up to the row's value
        Assert.Equal(0.68, steps[^1].End);
        Assert.Equal("+0.200", steps[1].Text);
        Assert.Equal("−0.120", steps[2].Text);
        Assert.All(steps, s => Assert.Null(s.StandardError));
    }

    [Fact]
    public void Steps_SamplingEstimate_EachBarHasItsError_FoldedErrorsAddInQuadrature()
    {
        var steps = WaterfallChart.Steps(Explanation(sampled: true), null, columns: 8);

        Assert.Equal(0.01, steps[1].StandardError);
        Assert.Equal(Math.Sqrt(0.09 * 0.09 + 0.1 * 0.1), steps[9].StandardError!.Value, 12);
        Assert.Equal("+0.200 ± 0.010", steps[1].Text);
        Assert.Null(steps[0].StandardError);
    }

    [Fact]
    public void Build_ExactMethod_OneWaterfall_SamplingAddsWhiskersAtEachBarsEnd()
    {
        var exact = WaterfallChart.Build(Explanation(sampled: false), null);
        var sampled = WaterfallChart.Build(Explanation(sampled: true), null);

        var waterfall = Assert.IsType<Waterfall>(Assert.Single(exact.Traces));
        Assert.Equal(0.3, (double)waterfall.X[0]);
        Assert.Equal("probability", exact.Layout.XAxis[0].Title.Text);
        // From 0 (the average's bar starts there) to the highest running total, this row's 0.68, with a fifth of that beside each end.
        Assert.Equal([-0.136, 0.816], exact.Layout.XAxis[0].Range.Select(Convert.ToDouble).Select(v => Math.Round(v, 9)));
        var whiskers = Assert.IsType<Scatter>(sampled.Traces[1]);
        Assert.Equal(WaterfallChart.Steps(Explanation(sampled: true), null, 8).Select(s => (object)s.End), whiskers.X);
    }
}
