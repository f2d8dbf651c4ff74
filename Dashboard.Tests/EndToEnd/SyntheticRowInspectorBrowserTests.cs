using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The synthetic-row inspector in a real browser: after a SMOTE move it shows the scatter of real and synthetic rows (pointing
/// at a synthetic row draws the segment between its parents) and rows with their parents, and the page stays one screen wide.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SyntheticRowInspectorBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ClassSliderToTheSmoteEnd_ScatterWithSegmentOnHover_ThreeSyntheticRowsWithTheirParents_NoSidewaysScrollAt1000()
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

        // The scatter: real rows of both classes and the synthetic rows, drawn with data.
        var traces = page.Locator(".synthetic-scatter .scatterlayer .trace");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.synthetic-scatter .scatterlayer .trace').length === 3",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.True(await traces.Nth(0).Locator(".point").CountAsync() > 100);
        Assert.True(await traces.Nth(2).Locator(".point").CountAsync() > 100);
        var legend = await page.Locator(".synthetic-scatter .legendtext").AllTextContentsAsync();
        Assert.Equal(["no (real)", "yes (real)", "yes (synthetic)"], legend);

        // Pointing at a synthetic row draws a fourth trace: parent A, the row, parent B.
        // Plotly hovers by the pointer's position over the plot, so the page must hold still first: the cards are still
        // training after the move, and their results change the page's height above the scatter (the point would move
        // from under the pointer). Then the point is brought to the middle of the screen (clear of the app bar), and the
        // mouse moves onto it in steps, as a hand would; if the hover went to a neighbour, the hand moves off and back.
        await PageCards.DoneAsync(page);
        var point = traces.Nth(2).Locator(".point").Nth(10);
        await HoverUntilAsync(page, point, "() => document.querySelectorAll('.synthetic-scatter .scatterlayer .trace').length === 4");
        Assert.Equal(3, await traces.Nth(3).Locator(".point").CountAsync());
        // Parent A and parent B are labelled, the row between them is not (Plotly may or may not keep an empty label's node).
        Assert.Equal(["A", "B"], (await traces.Nth(3).Locator(".textpoint").AllTextContentsAsync()).Where(t => t.Length > 0));

        await page.Locator(".synthetic-inspector").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "synthetic-inspector.png") });
        await page.Locator("button[aria-label='Toggle dark mode']").ClickAsync();
        await page.Locator(".synthetic-scatter").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "synthetic-scatter-dark.png") });
        await page.SetViewportSizeAsync(1000, 900);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }

    /// <summary>Points at <paramref name="target"/> with the mouse until <paramref name="shown"/> holds (at most three tries).</summary>
    private static async Task HoverUntilAsync(IPage page, ILocator target, string shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await target.EvaluateAsync("p => p.scrollIntoView({ block: 'center' })");
            var box = (await target.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + box.Width / 2 - 30, box.Y + box.Height / 2 - 30);
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 5 });
            try
            {
                await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Mouse.MoveAsync(0, 0); // off the plot, then again
            }
        }
    }
}
