using Dashboard.Components.Charts;
using Dashboard.Core.Importance;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

public class ImportanceChartTests
{
    [Fact]
    public void Build_Columns_MostImportantLastSoPlotlyDrawsItOnTop()
    {
        ColumnImportance[] importances =
        [
            new("sex", 0.20, 0.02, [0.2]),
            new("fare", 0.03, 0.01, [0.03]),
            new("age", 0.08, 0.015, [0.08]),
        ];

        var bar = (Bar)ImportanceChart.Build(importances, ImportanceMetric.RocAuc, ["sex"]).Traces.Single();

        Assert.Equal(["fare", "age", "sex"], bar.Y);
        Assert.Equal([0.03, 0.08, 0.20], bar.X);
        Assert.Equal([0.01, 0.015, 0.02], bar.ErrorX.Array);
        Assert.Equal([ChartStyle.NegativeColor, ChartStyle.NegativeColor, ChartStyle.HighlightColor], bar.Marker.ColorArray);
    }

    [Fact]
    public void Build_TreeGains_SharesAsBars_NoErrorBars()
    {
        ColumnGain[] gains = [new("sex", 30, 0.6), new("age", 15, 0.3), new("fare", 5, 0.1)];

        var figure = ImportanceChart.Build(gains, ["age"]);
        var bar = (Bar)figure.Traces.Single();

        Assert.Equal(["fare", "age", "sex"], bar.Y);
        Assert.Equal([0.1, 0.3, 0.6], bar.X);
        Assert.Null(bar.ErrorX);
        Assert.Equal([ChartStyle.NegativeColor, ChartStyle.HighlightColor, ChartStyle.NegativeColor], bar.Marker.ColorArray);
        Assert.Contains("60.0% of the split gain", (string)bar.HoverTextArray.Last());
    }
}
