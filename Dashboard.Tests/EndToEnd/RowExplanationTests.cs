using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Click a confusion-matrix cell, pick one of its test rows, see every card's waterfall: in a real headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class RowExplanationTests(BrowserFixture fixture)
{
    private const string Panel = ".cell-rows-panel";

    /// <summary>The panel lists the picked cell's rows, and explaining one draws a waterfall for each of the four cards.</summary>
    internal static async Task ExplainTheFirstFalseNegativeAsync(IPage page)
    {
        var card = page.Locator(".algorithm-card[data-algorithm='lightgbm']");
        await card.Locator("button.cell-button[data-cell='FN']").ClickAsync();
        await page.Locator($"{Panel}[data-algorithm='lightgbm'][data-cell='FN'] tr.cell-row").First.WaitForAsync();
        await page.Locator($"{Panel} tr.cell-row .explain-row").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.row-explanation .js-plotly-plot .waterfalllayer .point').length > 0 && " +
            "document.querySelectorAll('.row-explanation .explanation-method').length === 4", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
    }

    [Fact]
    public async Task ClickACellThenARow_EveryCardDrawsAWaterfallNamingItsMethod_ClickingTheHeatmapItselfPicksItsCell()
    {
        var page = await fixture.NewRoomAsync();
        var fnCount = int.Parse((await page.Locator(".algorithm-card[data-algorithm='lightgbm'] td[data-cell='FN']").TextContentAsync())!.Replace(",", ""));

        await ExplainTheFirstFalseNegativeAsync(page);

        Assert.StartsWith($"{fnCount:N0} false negative", await page.Locator(".cell-rows-title").InnerTextAsync());
        Assert.Equal(Math.Min(fnCount, 10), await page.Locator($"{Panel} tr.cell-row").CountAsync());
        var methods = await page.Locator(".row-explanation .explanation-method").AllInnerTextsAsync();
        Assert.Equal(4, methods.Count);
        Assert.Contains(methods, m => m.StartsWith("exact TreeSHAP"));
        Assert.Contains(methods, m => m.StartsWith("exact linear"));
        Assert.Contains(methods, m => m.StartsWith("sampling Shapley estimate"));
        // Plotly draws each waterfall when its chart's script has run: wait for the fourth rather than count at once.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.row-explanation .js-plotly-plot .waterfalllayer').length === 4",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        // The heatmap is clickable too: the bottom-left cell is "actually positive, predicted negative".
        await page.Locator(".cell-rows-close").ClickAsync();
        var heatmap = page.Locator(".algorithm-card[data-algorithm='svm'] .js-plotly-plot .nsewdrag").First;
        await heatmap.ScrollIntoViewIfNeededAsync();
        var box = (await heatmap.BoundingBoxAsync())!;
        await heatmap.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.25f, Y = box.Height * 0.75f }, Force = true });
        await page.Locator($"{Panel}[data-algorithm='svm'][data-cell='FN']").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
    }
}
