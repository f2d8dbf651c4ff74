using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The host sets the room's costs and adds an ensemble's card, in a real headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class AddedCardTests(BrowserFixture fixture)
{
    private const string Ensemble = ".algorithm-card[data-algorithm='balanced-random-forest']";

    /// <summary>Opens a new room (its host) and waits for the four baseline cards; also used to look at the page.</summary>
    internal static async Task<IPage> RoomWithAnEnsembleAndCostsAsync(BrowserFixture fixture)
    {
        var page = await fixture.NewRoomAsync();

        await page.Locator(".cost-false-negative input").FillAsync("5");
        await page.Locator("button.set-costs").ClickAsync();
        await page.WaitForFunctionAsync("() => /costs: a false negative costs 5/.test(document.body.innerText)");

        await page.Locator(".add-card-choice").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Balanced random forest" }).ClickAsync();
        await page.Locator("button.add-card-button").ClickAsync();
        await page.WaitForFunctionAsync($"() => {{ const c = document.querySelector(\"{Ensemble}\"); return c && /training rows/.test(c.innerText) && !c.querySelector('.mud-progress-linear'); }}",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        return page;
    }

    [Fact]
    public async Task HostSetsCostsAndAddsAnEnsemble_ItsCardRendersAConfusionMatrixAndItsExpectedCost()
    {
        var page = await RoomWithAnEnsembleAndCostsAsync(fixture);
        var card = page.Locator(Ensemble);

        Assert.Equal(5, await page.Locator(".algorithm-card").CountAsync());
        // The confusion matrix: a drawn heatmap, and its counts (rows of the test split) in the table beside it.
        await card.Locator(".js-plotly-plot").First.WaitForAsync();
        async Task<int[]> CountsAsync(ILocator of) =>
            (await of.Locator("table.confusion-counts td").AllTextContentsAsync()).Select(t => int.Parse(t.Trim().Replace(",", ""))).ToArray();
        var counts = await CountsAsync(card);
        Assert.Equal(4, counts.Length);
        Assert.Equal((await CountsAsync(page.Locator(".algorithm-card[data-algorithm='svm']"))).Sum(), counts.Sum()); // the same test rows
        Assert.Contains("undersamples inside each bag/tree", await card.Locator(".kind-note").InnerTextAsync());
        Assert.Equal("0.167", (await card.Locator(".theoretical-threshold").InnerTextAsync()).Trim()); // 1 / (1 + 5)
        Assert.Matches(@"^\d\.\d{3}$", (await card.Locator(".expected-cost").InnerTextAsync()).Trim());

        // Added cards can go again; the four cannot.
        Assert.Equal(0, await page.Locator(".seat-line[data-seat='svm'] .remove-card").CountAsync());
        await page.Locator(".seat-line[data-seat='balanced-random-forest'] .remove-card").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.algorithm-card').length === 4");
    }
}
