using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>One room, one truth, in two real browsers: the host stays host, NEW ROOM is new, a threshold is the room's.</summary>
[Collection(BrowserCollection.Name)]
public partial class RoomTruthTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"Threshold (\d\.\d+)")]
    private static partial Regex ThresholdCaption();

    private async Task<IPage> OpenAsync(string path)
    {
        // A browser context of its own: another laptop, with its own local storage (member key).
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(fixture.Server.BaseUrl + path);
        await PageCards.DoneAsync(page);
        return page;
    }

    private static async Task<string> CodeAsync(IPage page) => (await page.Locator(".room-code").InnerTextAsync()).Trim();

    private static async Task<string> ThresholdOfAsync(IPage page, string algorithm) =>
        ThresholdCaption().Match(await page.Locator($".algorithm-card[data-algorithm='{algorithm}'] .threshold").InnerTextAsync()).Groups[1].Value;

    [Fact]
    public async Task Host_OpensHistoryAndComesBack_StillHost_NewRoomIsNew()
    {
        var host = await OpenAsync("/");
        var code = await CodeAsync(host);
        Assert.EndsWith($"/room/{code}", host.Url); // a new room has its own address
        await host.GetByText("Only I move sliders").WaitForAsync();

        await host.Locator(".nav-history").ClickAsync();
        await host.WaitForURLAsync("**/history");
        await host.GoBackAsync();
        await PageCards.DoneAsync(host);

        Assert.Equal(code, await CodeAsync(host));
        await host.GetByText("Only I move sliders").WaitForAsync(); // only the host has the classroom switch

        await host.GetByText("New room").ClickAsync();
        await host.WaitForFunctionAsync($"() => document.querySelector('.room-code') && document.querySelector('.room-code').innerText.trim() !== '{code}'");
        Assert.NotEqual(code, await CodeAsync(host));
        Assert.DoesNotContain(code, host.Url);
    }

    [Fact]
    public async Task SeatHolderSetsAThreshold_OtherMembersAndALateJoinerSeeIt()
    {
        var ana = await OpenAsync("/");
        var code = await CodeAsync(ana);
        var ben = await OpenAsync($"/room/{code}");
        await ben.Locator(".seat-line[data-seat='svm'] .claim-seat").ClickAsync();
        await ana.Locator(".algorithm-card[data-algorithm='svm']").GetByText("tunes this").WaitForAsync();

        var slider = ben.Locator(".algorithm-card[data-algorithm='svm'] .threshold-slider input");
        await slider.FillAsync("0.4");
        await ana.WaitForFunctionAsync("() => /Threshold 0\\.4/.test(document.querySelector(\".algorithm-card[data-algorithm='svm'] .threshold\").innerText)");
        var late = await OpenAsync($"/room/{code}");

        var set = await ThresholdOfAsync(ben, "svm");
        Assert.Equal(set, await ThresholdOfAsync(ana, "svm"));
        Assert.Equal(set, await ThresholdOfAsync(late, "svm"));
        Assert.Equal("0.5", (await ThresholdOfAsync(ana, "lightgbm"))[..3]);
        Assert.Equal(await ana.Locator(".algorithm-card[data-algorithm='svm'] .f1-value").InnerTextAsync(),
            await late.Locator(".algorithm-card[data-algorithm='svm'] .f1-value").InnerTextAsync());
        // The late joiner neither holds the seat nor hosts: the threshold is not theirs to move.
        Assert.True(await late.Locator(".algorithm-card[data-algorithm='svm'] .threshold-slider input").IsDisabledAsync());
    }

    [Fact]
    public async Task KeyboardGesture_FivePresses_OneRun()
    {
        var page = await OpenAsync("/");
        // Entered as the host (the controls are live): cards from the cache can be in before that, and the page's
        // last redraws of the opening burst of events must be over before the gesture starts.
        await page.GetByText("Only I move sliders").WaitForAsync();
        await Task.Delay(1000);
        var rowsBefore = await page.Locator(".run-number").CountAsync();
        var slider = page.Locator(".slider-card[data-slider='class'] input[type=range]");

        await slider.FocusAsync();
        for (var i = 0; i < 5; i++) await slider.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.run-number').length > {rowsBefore}", null,
            new PageWaitForFunctionOptions { Timeout = 180_000 });
        await PageCards.DoneAsync(page);
        await Task.Delay(2000); // time for any further run to show up, if a press had started one

        Assert.Equal(rowsBefore + 1, await page.Locator(".run-number").CountAsync());
        // Five steps of 5 % toward balance on the class-balance track: the last press (+25 %, SMOTE side) is the one that ran.
        Assert.Equal("25", await slider.InputValueAsync());
        Assert.Matches(@"class 'yes' \d+\.\d% \(minority oversampled\)", await page.Locator(".run-settings").First.InnerTextAsync());
    }
}
