using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Issue 14's last parts in a real browser: the rare-values slider's relevance threshold set on the page (the room reloads
/// at it and says how many training rows are rare), then the room's stored regression runs compared on the History page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegressionHistoryBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AmesRoom_SetRelevanceThreshold_FewerRareRows_ThenHistoryComparesTheRunsByR2()
    {
        var page = await RegressionRoomTests.AmesRoomAsync(fixture);
        var slider = page.Locator(".slider-card[data-slider='class']");
        await slider.Locator(".mud-expand-panel-header", new LocatorLocatorOptions { HasText = "Focus group and methods" }).ClickAsync();
        var readout = slider.Locator(".relevance-threshold-readout");
        // The panel opens with an animation: its text is empty until it has.
        await page.WaitForFunctionAsync("() => /^At /.test(document.querySelector('.relevance-threshold-readout')?.innerText ?? '')", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.StartsWith("At 0.5 (the room's): 346 of 2,197 training rows are rare", await readout.InnerTextAsync());

        var field = slider.Locator(".relevance-threshold-input input");
        await field.FillAsync("0.8");
        await page.WaitForFunctionAsync("() => /^At 0\\.8: /.test(document.querySelector('.relevance-threshold-readout').innerText)", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var asked = await readout.InnerTextAsync();
        await slider.Locator("button.relevance-threshold-set").ClickAsync();

        // The room reloads at 0.8 and trains a new baseline; the readout is now the room's threshold, with fewer rare rows.
        await page.WaitForFunctionAsync("() => /^At 0\\.8 \\(the room's\\)/.test(document.querySelector('.relevance-threshold-readout')?.innerText ?? '')", null,
            new PageWaitForFunctionOptions { Timeout = 180_000 });
        await page.WaitForFunctionAsync("() => { const cards = [...document.querySelectorAll('.algorithm-card')]; " +
            "return cards.length === 4 && cards.every(c => c.querySelector('.r2-value') && !c.querySelector('.mud-progress-linear')); }",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        var rare = int.Parse(asked.Split(": ")[1].Split(" of ")[0].Replace(",", ""));
        Assert.True(rare < 346, asked);
        Assert.Contains($": {rare:N0} of 2,197 training rows are rare", await readout.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "relevance-threshold.png"), FullPage = true });

        // The two baselines (0.5, then 0.8) are stored: compare them on the History page.
        await page.GotoAsync(fixture.Server.BaseUrl + "/history");
        await page.Locator("a.open-run").First.WaitForAsync();
        var ids = (await page.Locator("a.open-run").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Select(href => href.Split('/')[^1]).Distinct().Take(2).Reverse().ToArray();
        await page.GotoAsync(fixture.Server.BaseUrl + "/history/compare?ids=" + string.Join(',', ids));
        await page.Locator(".comparison-algorithm .regression-comparison").First.WaitForAsync();
        Assert.Equal(4, await page.Locator(".comparison-algorithm .regression-comparison").CountAsync());
        Assert.Equal(0, await page.Locator(".confusion-table").CountAsync());
        // The rare-range errors of the two runs are on other rows: the settings say at which relevance each run counted rare values.
        var rareRow = page.Locator(".comparison-settings tr:has(th:text-is('Rare values'))");
        Assert.Equal("Rare values\trelevance ≥ 0.5\trelevance ≥ 0.8", (await rareRow.InnerTextAsync()).Trim());
        var forest = page.Locator(".comparison-algorithm[data-algorithm='random-forest']");
        Assert.Equal(2, await forest.Locator("tr[data-metric='R2'] td.num").CountAsync());
        await forest.Locator(".comparison-plot .js-plotly-plot .scatterlayer .point").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "regression-comparison.png"), FullPage = true });
    }
}
