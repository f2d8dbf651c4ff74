using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The synthetic-row inspector in a real browser: after a SMOTE move it shows rows with their parents, and the page stays one screen wide.</summary>
[Collection(BrowserCollection.Name)]
public class SyntheticRowInspectorBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ClassSliderToTheSmoteEnd_ThreeSyntheticRowsWithTheirParents_NoSidewaysScrollAt1000()
    {
        var page = await fixture.NewRoomAsync();
        Assert.Equal(0, await page.Locator(".synthetic-inspector").CountAsync()); // the data as it is: no synthetic row

        var slider = page.Locator(".slider-card[data-slider='class'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("End");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.synthetic-inspector tbody tr.synthetic').length === 3",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });

        Assert.Equal(6, await page.Locator(".synthetic-inspector tbody tr.parent").CountAsync());
        // Titanic has blanks: the class slider's readout says how many of its minority rows have one and what SMOTE does with them.
        Assert.StartsWith("Blanks: ", await page.Locator(".slider-card[data-slider='class'] .slider-blanks").InnerTextAsync());
        await page.Locator(".slider-card[data-slider='class']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "class-slider-blanks.png") });
        await page.Locator(".synthetic-inspector").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "synthetic-inspector.png") });
        await page.SetViewportSizeAsync(1000, 900);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }
}
