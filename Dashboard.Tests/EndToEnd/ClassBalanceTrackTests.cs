using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The class-balance track in a real browser: left of neutral removes MAJORITY rows, and the cards retrain on fewer rows.</summary>
[Collection(BrowserCollection.Name)]
public partial class ClassBalanceTrackTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"\(−([\d,]+) survived = no rows\)")]
    private static partial Regex MajorityRowsRemoved();

    [Fact]
    public async Task KeyHome_LeftEnd_MajorityRowsRemovedUntilFiftyFifty_CardsRetrainOnFewerRows()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        var card = page.Locator(".slider-card[data-slider='class']");
        Assert.Contains("(as in the data)", await card.Locator(".slider-readout").InnerTextAsync());
        var rowsBefore = await PageCards.RowsAsync(page);

        var slider = card.Locator("input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("Home"); // the left end: −100 %, the majority undersampled until 50/50
        await page.WaitForFunctionAsync("() => /→ 50\\.0% of training rows \\(−/.test(document.querySelector(\".slider-card[data-slider='class'] .slider-readout\").innerText)",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await PageCards.RetrainedAsync(page, rowsBefore[0]);

        var readout = await card.Locator(".slider-readout").InnerTextAsync();
        Assert.StartsWith("Minority survived = yes: ", readout);
        var removed = int.Parse(MajorityRowsRemoved().Match(readout).Groups[1].Value.Replace(",", ""));
        Assert.Contains($"removed {removed:N0} rows of the majority class (survived = no); every survived = yes row was kept.", await card.Locator(".slider-what").InnerTextAsync());
        // Every card retrained on the rows that are left: the majority lost exactly the rows the readout names.
        Assert.All(await PageCards.RowsAsync(page), rows => Assert.Equal(rowsBefore[0] - removed, rows));
        Assert.Equal("-100", await slider.InputValueAsync());
    }
}
