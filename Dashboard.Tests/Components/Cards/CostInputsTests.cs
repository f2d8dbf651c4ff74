using Bunit;
using Dashboard.Components.Cards;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Components.Cards;

public class CostInputsTests : ComponentTest
{
    private readonly List<(double FalseNegative, double FalsePositive)> _set = [];

    private IRenderedComponent<CostInputs> Render(bool editable, CostMatrix? costs = null) =>
        Context.Render<CostInputs>(p => p.Add(c => c.Costs, costs ?? CostMatrix.Equal).Add(c => c.Editable, editable)
            .Add(c => c.OnSet, costs => _set.Add(costs)));

    [Fact]
    public void Host_ChangesACost_SetSendsBoth()
    {
        var cut = Render(editable: true);
        Assert.True(cut.Find("button.set-costs").HasAttribute("disabled")); // nothing changed yet

        cut.Find(".cost-false-negative input").Input("5");
        cut.Find("button.set-costs").Click();

        Assert.Equal((5.0, 1.0), Assert.Single(_set));
    }

    [Fact]
    public void Host_ZeroCost_SentenceAndNothingSent()
    {
        var cut = Render(editable: true);

        cut.Find(".cost-false-positive input").Input("0");

        Assert.Contains("The cost of a false positive must be a number above 0", cut.Find(".cost-problem").TextContent);
        Assert.True(cut.Find("button.set-costs").HasAttribute("disabled"));
        Assert.Empty(_set);
    }

    [Fact]
    public void NotTheHost_ReadsTheCostsNoInputs()
    {
        var cut = Render(editable: false, new CostMatrix(5, 1));

        Assert.Empty(cut.FindAll("input"));
        Assert.Equal(("5", "1"), (cut.Find(".cost-false-negative-value").TextContent, cut.Find(".cost-false-positive-value").TextContent));
    }
}
