using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The class view at /room/{code}/present in a real browser: live from the same room, read-only, and the class
/// slider with all four confusion matrices on one projector screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PresentPageTests(BrowserFixture fixture)
{
    private const string FourResults = "() => document.querySelectorAll('.present-card dd[data-metric=F1]').length === 4";

    /// <summary>What lies (partly) outside the window: the class slider, a card's confusion matrix, or the page's own width.</summary>
    private const string OutsideTheWindow = """
        () => [...document.querySelectorAll('.present-slider[data-slider=class], .present-confusion')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth; })
            .map(e => e.closest('[data-algorithm]')?.dataset.algorithm ?? 'class slider')
            .concat(document.documentElement.scrollWidth > innerWidth ? [`page ${document.documentElement.scrollWidth} px wide`] : [])
        """;

    [Fact]
    public async Task ClassView_FollowsTheRoomLive_ReadOnly_SliderAndFourMatricesInsideTheScreen()
    {
        var host = await fixture.NewRoomAsync();
        var code = host.Url.Split("/room/")[1];
        var view = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        view.SetDefaultTimeout(120_000);
        await view.GotoAsync($"{fixture.Server.BaseUrl}/room/{code}/present");
        await view.WaitForFunctionAsync(FourResults);
        Assert.Contains("(as in the data)", await view.Locator(".present-slider[data-slider=class] .present-readout").InnerTextAsync());

        // The host undersamples the majority to 50/50; the class view follows without a reload.
        var slider = host.Locator(".slider-card[data-slider='class'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        await view.WaitForFunctionAsync("() => /→ 50\\.0% of training rows \\(−/.test(document.querySelector('.present-slider[data-slider=class] .present-readout').innerText)",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await PageCards.DoneAsync(host);
        await view.WaitForFunctionAsync("() => !document.querySelector('.present-card.is-training')");

        // Each card's matrix is the dashboard's own, cell for cell (once the view's last redraw has come round).
        const string Cells = "sel => ['lightgbm', 'random-forest', 'svm', 'mlp'].flatMap(a => ['TN', 'FP', 'FN', 'TP'].map(c => " +
            "document.querySelector(`${sel}[data-algorithm='${a}'] td[data-cell=${c}]`).innerText.replace(/,/g, '')))";
        // Both pages are read again each time: either may still be one redraw behind the room.
        string[] onPage = [], inView = [];
        for (var i = 0; i < 300; i++)
        {
            onPage = await host.EvaluateAsync<string[]>($"() => ({Cells})('.algorithm-card')");
            inView = await view.EvaluateAsync<string[]>($"() => ({Cells})('.present-card')");
            if (onPage.SequenceEqual(inView)) break;
            await Task.Delay(200);
        }
        Assert.Equal(onPage, inView);
        Assert.Equal(0, await view.Locator("button, input, select, a").CountAsync()); // nothing to click: a projector only shows

        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            await view.SetViewportSizeAsync(width, height);
            await view.WaitForTimeoutAsync(300);
            Assert.Empty(await view.EvaluateAsync<string[]>(OutsideTheWindow));
            await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, $"class-view-{width}x{height}.png") });
        }

        await view.GotoAsync($"{fixture.Server.BaseUrl}/room/{code}/present?dark=true");
        await view.WaitForFunctionAsync(FourResults);
        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            await view.SetViewportSizeAsync(width, height);
            await view.WaitForTimeoutAsync(300);
            await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, $"class-view-{width}x{height}-dark.png") });
        }
    }

    [Fact]
    public async Task ClassView_WrongCode_SaysSoInASentence()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"{fixture.Server.BaseUrl}/room/ZZZ-999/present");

        await page.GetByText("There is no open room with the code 'ZZZ-999'.").WaitForAsync();
    }
}
