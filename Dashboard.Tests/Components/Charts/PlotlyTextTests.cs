using System.Text.Json;
using Dashboard.Components.Charts;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Components.Charts;

public class PlotlyTextTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>&amp;";

    [Fact]
    public void Escape_MarkupAndEntities_BecomeText()
    {
        Assert.Equal("&lt;b&gt;yes&lt;/b&gt; &amp; no", PlotlyText.Escape("<b>yes</b> & no"));
        Assert.Equal("&amp;lt;", PlotlyText.Escape("&lt;"));
    }

    [Fact]
    public void Escape_PlainOrNull_Unchanged()
    {
        const string plain = "survived=yes (40%)";
        Assert.Same(plain, PlotlyText.Escape(plain));
        Assert.Equal("", PlotlyText.Escape(null));
    }

    public static TheoryData<string> Charts() => ["confusion", "importance", "classes", "distribution", "roc", "history"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Build_UserTextWithMarkup_ReachesPlotlyOnlyEscaped(string chart)
    {
        var figure = chart switch
        {
            "confusion" => ConfusionMatrixChart.Build(new ConfusionMatrix(1, 2, 3, 4), new ClassLabels(Hostile, Hostile, Hostile)),
            "importance" => ImportanceChart.Build([new ColumnImportance(Hostile, 0.1, 0.01, [0.1])], ImportanceMetric.RocAuc, [Hostile]),
            "classes" => Dashboard.Components.Data.ClassCountsChart.Build(new DatasetProfile("d", 3, Hostile, Hostile,
                [new ClassCount(Hostile, 1, 1 / 3.0, true), new ClassCount("no", 2, 2 / 3.0, false)], [], [])),
            "distribution" => DistributionChart.Build(Categorical(Hostile), Categorical(Hostile), Categorical(Hostile), new ClassLabels(Hostile, Hostile, Hostile)),
            "roc" => RocChart.Build([TestResults.Completed("lightgbm", TestResults.GoodScores) with { DisplayName = Hostile }], null, null),
            _ => HistoryChart.Build(MetricId.F1, [new HistoryChartPoint("a", Hostile, 0.5, Hostile, new Dictionary<MetricId, double> { [MetricId.F1] = 0.5 })], Hostile),
        };

        var json = JsonSerializer.Serialize(new object[] { figure.Traces.Cast<object>().ToArray(), figure.Layout });

        Assert.DoesNotContain("<img", json);
        Assert.Contains("\\u0026lt;img", json); // "&lt;img", as System.Text.Json writes '&'
    }

    private static Distribution Categorical(string category) =>
        new("c", ColumnKind.Categorical, [category, "other"], [], [3, 1], [[2, 1], [1, 0]], 0);
}
