using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Fairness by group in a real browser: one member marks gender, every member of the room sees each card's rates per group.</summary>
[Collection(BrowserCollection.Name)]
public class FairnessPanelBrowserTests(BrowserFixture fixture)
{
    private const string FourTables = "() => document.querySelectorAll('.fairness-panel .group-rates-table').length === 4";

    [Fact]
    public async Task MarkGender_EveryCardShowsRatesPerGroup_AndASecondMemberSeesTheSame()
    {
        var page = await fixture.NewRoomAsync();

        await page.Locator(".sensitive-column").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "gender" }).First.ClickAsync();
        await page.WaitForFunctionAsync(FourTables);

        var panel = page.Locator(".fairness-panel");
        Assert.Equal(["male", "female"], await panel.Locator(".group-rates[data-algorithm=lightgbm] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.group)"));
        Assert.Equal("name", await panel.Locator(".proxy-column").InnerTextAsync());
        Assert.Matches(@"^Equal opportunity: recall differs by 0\.\d{3} \(female 0\.\d{3}, male 0\.\d{3}\)\.$",
            await panel.Locator(".group-rates[data-algorithm=lightgbm] .gap-equal-opportunity").InnerTextAsync());
        await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "fairness-panel.png") });
        // The whole page, for the README (docs/screenshot.png is a copy of it); from the top, or the fixed app bar lands mid-page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "dashboard-page.png"), FullPage = true });

        var other = await fixture.NewPageAsync();
        await other.GotoAsync(page.Url);
        await other.WaitForFunctionAsync(FourTables, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal("gender", await other.Locator(".sensitive-column input").InputValueAsync());
    }

    [Fact]
    public async Task GapInTheHistoryChart_ThenLeaveGenderOut_PanelSaysSo_AndPutBack()
    {
        var page = await fixture.NewRoomAsync();
        await page.Locator(".sensitive-column").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "gender" }).First.ClickAsync();
        await page.WaitForFunctionAsync(FourTables);

        // The history chart offers the recall gap between the gender groups: the baseline's points are drawn.
        await page.Locator(".history-panel .history-measure").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "equal-opportunity difference" }).First.ClickAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.history-panel .g-ytitle text')].some(t => t.textContent.startsWith('equal-opportunity difference'))");
        Assert.True(await page.Locator(".history-panel .scatterlayer .point").CountAsync() >= 4);
        await page.Locator(".history-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "history-gap.png") });

        await page.Locator(".leave-proxies-out").ClickAsync();
        await page.Locator(".proxies-left-out").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(["gender"], await page.Locator(".left-out-column").AllInnerTextsAsync());
        await page.WaitForFunctionAsync(FourTables, null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await page.Locator(".fairness-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "proxies-left-out.png") });

        await page.Locator(".put-proxies-back").ClickAsync();
        await page.Locator(".leave-proxies-out").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator(".proxies-left-out").CountAsync());
    }
}
