using Bunit;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Components.Shared;

public class MetricNameTests : ComponentTest
{
    [Fact]
    public void Hover_Name_TooltipWithMeaningAndFormula()
    {
        var popovers = RenderPopoverProvider();
        var cut = Context.Render<MetricName>(p => p.Add(m => m.Metric, MetricId.Mcc).Add(m => m.Text, "MCC"));
        var info = MetricCatalog.Get(MetricId.Mcc);

        cut.Find(".mud-tooltip-root").PointerEnter();

        popovers.WaitForAssertion(() =>
        {
            Assert.Contains(info.Meaning, popovers.Markup);
            Assert.Contains(info.Formula, popovers.Markup);
        });
        Assert.Equal("MCC", cut.Find(".metric-name").TextContent);
    }
}
