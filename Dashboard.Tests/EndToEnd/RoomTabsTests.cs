using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Two real browser tabs (separate browser contexts, like two students' laptops) in one room.</summary>
[Collection(BrowserCollection.Name)]
public class RoomTabsTests(BrowserFixture fixture)
{
    private async Task<IPage> OpenAsync(string path, string name)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(fixture.Server.BaseUrl + path);
        await PageCards.DoneAsync(page);
        var field = page.Locator(".your-name input");
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await page.Locator(".members").GetByText(name).WaitForAsync();
        return page;
    }

    private static Task<string> CardTextAsync(IPage page, string algorithm) =>
        page.Locator($".algorithm-card[data-algorithm='{algorithm}']").InnerTextAsync();

    [Fact]
    public async Task TwoTabs_SliderMoveSharedSeatHolderRetrainsOnlyTheirAlgorithmOthersReadOnly()
    {
        var ana = await OpenAsync("/", "Ana");
        var code = (await ana.Locator(".room-code").InnerTextAsync()).Trim();
        var ben = await OpenAsync($"/room/{code}", "Ben");
        await ana.Locator(".members").GetByText("Ben").WaitForAsync();

        // Ana moves the gender slider; Ben sees the new results.
        var benBefore = await CardTextAsync(ben, "lightgbm");
        var slider = ana.Locator(".slider-card[data-slider='feature:gender'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("PageUp");
        await ben.WaitForFunctionAsync("() => /→/.test(document.querySelector(\".slider-card[data-slider='feature:gender'] .slider-readout\").innerText)");
        await PageCards.DoneAsync(ben);
        Assert.NotEqual(benBefore, await CardTextAsync(ben, "lightgbm"));

        // Ben claims the MLP seat and changes a hyperparameter: only the MLP retrains, and Ana sees it.
        await ben.Locator(".seat-line[data-seat='mlp'] .claim-seat").ClickAsync();
        await ana.Locator(".algorithm-card[data-algorithm='mlp']").GetByText("Ben tunes this").WaitForAsync();
        var anaOthers = await Task.WhenAll(new[] { "lightgbm", "random-forest", "svm" }.Select(a => CardTextAsync(ana, a)));
        var anaMlpBefore = await CardTextAsync(ana, "mlp");
        var units = ben.Locator(".algorithm-card[data-algorithm='mlp']").GetByLabel("Hidden units (layer 1)");
        await units.FillAsync("8");
        await units.PressAsync("Tab");
        await ben.Locator(".algorithm-card[data-algorithm='mlp'] .apply-settings").ClickAsync();
        await ana.WaitForFunctionAsync("() => /changed Neural network \\(MLP\\)'s settings/.test(document.querySelector('.activity').innerText)");
        await PageCards.DoneAsync(ana);
        await ana.WaitForFunctionAsync($"t => document.querySelector(\".algorithm-card[data-algorithm='mlp']\").innerText !== t", anaMlpBefore);
        var anaOthersAfter = await Task.WhenAll(new[] { "lightgbm", "random-forest", "svm" }.Select(a => CardTextAsync(ana, a)));
        Assert.Equal(anaOthers, anaOthersAfter);

        // Ana cannot edit Ben's seat: the MLP card's controls are disabled for her.
        Assert.True(await ana.Locator(".algorithm-card[data-algorithm='mlp']").GetByLabel("Hidden units (layer 1)").IsDisabledAsync());
        Assert.Equal(0, await ana.Locator(".seat-line[data-seat='mlp'] .claim-seat").CountAsync());
        await ana.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "room-ana.png"), FullPage = true });
    }
}
