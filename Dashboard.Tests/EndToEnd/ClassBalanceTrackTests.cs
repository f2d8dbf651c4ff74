using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The class-balance track in a real browser: left of neutral removes MAJORITY rows, and the cards retrain on fewer rows.</summary>
[Collection(BrowserCollection.Name)]
public partial class ClassBalanceTrackTests(BrowserFixture fixture)
{
    private const string AllCardsDone =
        "() => document.querySelectorAll('.algorithm-card').length === 4 && " +
        "[...document.querySelectorAll('.algorithm-card')].every(c => /training rows/.test(c.innerText) && !c.querySelector('.mud-progress-linear'))";

    [GeneratedRegex(@"on ([\d,]+) training rows")]
    private static partial Regex TrainingRows();

    [GeneratedRegex(@"\(−([\d,]+) survived = no rows\)")]
    private static partial Regex MajorityRowsRemoved();

    private static async Task<int[]> CardRowsAsync(IPage page) =>
        (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(t => int.Parse(TrainingRows().Match(t).Groups[1].Value.Replace(",", ""))).ToArray();

    [Fact]
    public async Task KeyHome_LeftEnd_MajorityRowsRemovedUntilFiftyFifty_CardsRetrainOnFewerRows()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await page.WaitForFunctionAsync(AllCardsDone, null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        var card = page.Locator(".slider-card[data-slider='class']");
        Assert.Contains("(as in the data)", await card.Locator(".slider-readout").InnerTextAsync());
        var rowsBefore = await CardRowsAsync(page);

        var slider = card.Locator("input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("Home"); // the left end: −100 %, the majority undersampled until 50/50
        await page.WaitForFunctionAsync("() => /→ 50\\.0% of training rows \\(−/.test(document.querySelector(\".slider-card[data-slider='class'] .slider-readout\").innerText)",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await page.WaitForFunctionAsync($"() => {{ const t = [...document.querySelectorAll('.algorithm-card')].map(c => c.innerText); " +
            $"return t.length === 4 && t.every(x => /on [\\d,]+ training rows/.test(x) && !/on {rowsBefore[0]:N0} training rows/.test(x)); }}",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });

        var readout = await card.Locator(".slider-readout").InnerTextAsync();
        Assert.StartsWith("Minority survived = yes: ", readout);
        var removed = int.Parse(MajorityRowsRemoved().Match(readout).Groups[1].Value.Replace(",", ""));
        Assert.Contains($"removed {removed:N0} rows of the majority class (survived = no); every survived = yes row was kept.", await card.Locator(".slider-what").InnerTextAsync());
        // Every card retrained on the rows that are left: the majority lost exactly the rows the readout names.
        Assert.All(await CardRowsAsync(page), rows => Assert.Equal(rowsBefore[0] - removed, rows));
        Assert.Equal("-100", await slider.InputValueAsync());
    }
}
