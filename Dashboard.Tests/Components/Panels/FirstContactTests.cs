using Bunit;
using Dashboard.Components.Panels;
using Dashboard.Core.Data;

namespace Dashboard.Tests.Components.Panels;

/// <summary>First contact: the hint on a first visit, and an upload's proposed target waiting for the user's yes.</summary>
public class FirstContactTests : ComponentTest
{
    private const string SeenKey = "imbalance-dashboard.first-steps-seen";

    [Fact]
    public void FirstStepsHint_FirstVisit_SaysWhatToTry_ClosingRemembersIt()
    {
        var cut = Context.Render<FirstStepsHint>();

        Assert.StartsWith("Try this first: drag the class balance slider", cut.Find(".first-steps").TextContent.Trim());
        cut.Find(".first-steps button").Click();

        Assert.Empty(cut.FindAll(".first-steps"));
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "localStorage.setItem" && Equals(i.Arguments[0], SeenKey));
    }

    [Fact]
    public void FirstStepsHint_SeenBefore_NotShown()
    {
        Context.JSInterop.Setup<string?>("localStorage.getItem", SeenKey).SetResult("1");

        var cut = Context.Render<FirstStepsHint>();

        Assert.Empty(cut.FindAll(".first-steps"));
    }

    [Fact]
    public void TargetProposalNote_SaysWhichAndWhy_TrainsOnlyOnConfirm()
    {
        var confirmed = 0;
        var proposal = new TargetProposal("churned", "it has two values (no, yes), a yes/no outcome.");

        var cut = Context.Render<TargetProposalNote>(p => p.Add(c => c.Proposal, proposal).Add(c => c.FileName, "customers.csv")
            .Add(c => c.Target, "plan").Add(c => c.OnConfirm, () => confirmed++));

        Assert.Contains("Proposed target for customers.csv: churned, because it has two values (no, yes), a yes/no outcome. Nothing has trained yet",
            System.Text.RegularExpressions.Regex.Replace(cut.Find(".target-proposal").TextContent, @"\s+", " "));
        Assert.Equal(0, confirmed);
        Assert.Equal("Train with plan as the target", cut.Find("button.confirm-target").TextContent.Trim()); // the user's own pick, if they changed it
        cut.Find("button.confirm-target").Click();
        Assert.Equal(1, confirmed);
    }
}
