using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Data;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Components.Charts;

/// <summary>Every chart renders through the figure host and hands Plotly the traces its Build method makes.</summary>
public class ChartRenderTests : ComponentTest
{
    private static readonly AlgorithmResult[] Results =
        [TestResults.Completed("lightgbm", TestResults.GoodScores), TestResults.Completed("svm", TestResults.WeakScores)];

    private readonly BunitJSModuleInterop _plotly;

    public ChartRenderTests()
    {
        RenderPopoverProvider();
        _plotly = Context.JSInterop.SetupModule("./_content/Plotly.Blazor/plotly-interop-7.2.0.js");
        _plotly.Mode = JSRuntimeMode.Loose;
    }

    public static TheoryData<string> Charts() =>
        ["roc", "precision-recall", "sensitivity", "bars", "history", "importance", "distribution", "classes", "confusion"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Render_Chart_NewPlotWithTheBuiltTraces(string chart)
    {
        var (fragment, expected) = Chart(chart);

        var cut = Context.Render(fragment);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".plotly-figure-skeleton")));
        var newPlot = Assert.Single(_plotly.Invocations, i => i.Identifier == "newPlot");
        var traces = ((IEnumerable<object>)newPlot.Arguments[1]!).ToList();
        Assert.Equal(expected.Traces.Count, traces.Count);
    }

    [Fact]
    public void MetricPicker_Changed_ChartRedrawsWithTheNewMetricAndTellsTheParent()
    {
        MetricId? told = null;
        var cut = Context.Render<MetricBarChart>(p => p.Add(c => c.Results, Results).Add(c => c.MetricChanged, m => told = m));

        cut.InvokeAsync(() => cut.FindComponent<Dashboard.Components.Shared.MetricPicker>().Instance.ValueChanged.InvokeAsync(MetricId.Mcc));

        Assert.Equal(MetricId.Mcc, told);
        var figure = cut.FindComponent<PlotlyFigure>().Instance.Figure;
        Assert.Equal(MetricBarChart.Build(MetricId.Mcc, Results, null, null, null).Layout.YAxis[0].Title.Text, figure.Layout.YAxis[0].Title.Text);
        Assert.Equal([-1.0, 1.05], figure.Layout.YAxis[0].Range);
    }

    [Fact]
    public void Rerender_SameInputsAndANewCallback_KeepsTheFigure_AnotherInputRebuildsIt()
    {
        var cut = Context.Render<MetricBarChart>(p => p.Add(c => c.Results, Results).Add(c => c.MetricChanged, _ => { }));
        var first = cut.FindComponent<PlotlyFigure>().Instance.Figure;

        // The live page re-renders with the same results (and a new lambda each time): the chart keeps its figure, so Plotly is not asked again.
        cut.Render(p => p.Add(c => c.Results, Results).Add(c => c.MetricChanged, _ => { }));
        Assert.Same(first, cut.FindComponent<PlotlyFigure>().Instance.Figure);

        cut.Render(p => p.Add(c => c.Results, Results[..1]).Add(c => c.MetricChanged, _ => { }));
        var rebuilt = cut.FindComponent<PlotlyFigure>().Instance.Figure;
        Assert.NotSame(first, rebuilt);
        Assert.Equal(MetricBarChart.Build(MetricId.F1, Results[..1], null, null, null).Traces.Count, rebuilt.Traces.Count);
    }

    [Fact]
    public void SameInputs_ValueEqualRecordsCount_CallbacksDoNot()
    {
        var before = new Dictionary<string, object?> { ["Metric"] = MetricId.F1, ["Results"] = Results, ["MetricChanged"] = EventCallback.Factory.Create<MetricId>(this, _ => { }) };
        var now = new Dictionary<string, object?> { ["Metric"] = MetricId.F1, ["Results"] = Results, ["MetricChanged"] = EventCallback.Factory.Create<MetricId>(this, _ => { }) };
        Assert.True(ChartBase.SameInputs(before, now));

        now["Results"] = Results.ToArray(); // the same items in a list made again: the same input
        Assert.True(ChartBase.SameInputs(before, now));
        now["Results"] = Results.Reverse().ToArray();
        Assert.False(ChartBase.SameInputs(before, now));
        now["Results"] = Results;
        now["Metric"] = MetricId.Mcc;
        Assert.False(ChartBase.SameInputs(before, now));
    }

    private static (RenderFragment Fragment, ChartFigure Expected) Chart(string chart)
    {
        var confusion = new ConfusionMatrix(3, 2, 6, 1);
        ColumnImportance[] importance = [new("age", 0.1, 0.01, [0.1]), new("sex", 0.2, 0.02, [0.2])];
        HistoryChartPoint[] history = [.. Results.Select((r, i) => HistoryChartPoint.From(r, 0.2 * i, "x")!)];
        var distribution = new Distribution("sex", ColumnKind.Categorical, ["f", "m"], [], [3, 5], [[1, 4], [2, 1]], 0);
        var profile = new DatasetProfile("d", 8, "survived", "yes", [new("yes", 3, 0.375, true), new("no", 5, 0.625, false)], [], []);
        return chart switch
        {
            "roc" => (b => { b.OpenComponent<RocChart>(0); b.AddAttribute(1, nameof(RocChart.Results), Results); b.CloseComponent(); },
                RocChart.Build(Results, null, null)),
            "precision-recall" => (b => { b.OpenComponent<PrecisionRecallChart>(0); b.AddAttribute(1, nameof(PrecisionRecallChart.Results), Results); b.CloseComponent(); },
                PrecisionRecallChart.Build(Results, null, null)),
            "sensitivity" => (b => { b.OpenComponent<SensitivitySpecificityChart>(0); b.AddAttribute(1, nameof(SensitivitySpecificityChart.Results), Results); b.CloseComponent(); },
                SensitivitySpecificityChart.Build(Results, null)),
            "bars" => (b => { b.OpenComponent<MetricBarChart>(0); b.AddAttribute(1, nameof(MetricBarChart.Results), Results); b.CloseComponent(); },
                MetricBarChart.Build(MetricId.F1, Results, null, null, null)),
            "history" => (b => { b.OpenComponent<HistoryChart>(0); b.AddAttribute(1, nameof(HistoryChart.Points), history); b.CloseComponent(); },
                HistoryChart.Build(MetricId.F1, history, "x")),
            "importance" => (b => { b.OpenComponent<ImportanceChart>(0); b.AddAttribute(1, nameof(ImportanceChart.Importances), importance); b.CloseComponent(); },
                ImportanceChart.Build(importance, ImportanceMetric.RocAuc, null)),
            "distribution" => (b =>
                {
                    b.OpenComponent<DistributionChart>(0);
                    b.AddAttribute(1, nameof(DistributionChart.Before), distribution);
                    b.AddAttribute(2, nameof(DistributionChart.After), distribution);
                    b.AddAttribute(3, nameof(DistributionChart.Synthetic), distribution);
                    b.CloseComponent();
                },
                DistributionChart.Build(distribution, distribution, distribution, ClassLabels.Default)),
            "classes" => (b => { b.OpenComponent<ClassCountsChart>(0); b.AddAttribute(1, nameof(ClassCountsChart.Profile), profile); b.CloseComponent(); },
                ClassCountsChart.Build(profile)),
            _ => (b => { b.OpenComponent<ConfusionMatrixChart>(0); b.AddAttribute(1, nameof(ConfusionMatrixChart.Confusion), confusion); b.CloseComponent(); },
                ConfusionMatrixChart.Build(confusion, ClassLabels.Default)),
        };
    }
}
