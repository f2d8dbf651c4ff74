using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The dashboard in a real headless Chromium, as a student uses it.</summary>
[Collection(BrowserCollection.Name)]
public partial class DashboardPageTests(BrowserFixture fixture)
{
    private const string Cards = ".algorithm-card";

    [GeneratedRegex(@"on ([\d,]+) training rows")]
    private static partial Regex TrainingRows();

    private static async Task<string[]> CardRowTextsAsync(IPage page) =>
        (await page.Locator(Cards).AllInnerTextsAsync()).Select(t => TrainingRows().Match(t).Groups[1].Value).ToArray();

    private static Task<int> HistoryPointCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => { const d = document.querySelector('.history-panel .js-plotly-plot'); return d && d.data ? d.data.reduce((n, t) => n + (t.x ? t.x.length : 0), 0) : 0; }");

    [Fact]
    public async Task OpenApp_MoveGenderSliderWithKeyboard_AllCardsRetrainHistoryGrowsHubClientSeesSameResults()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        var code = (await page.Locator(".room-code").InnerTextAsync()).Trim();
        var rowsBefore = await CardRowTextsAsync(page);

        // A separate SignalR client joins the same room and listens.
        var received = new ConcurrentBag<AlgorithmCompleted>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(fixture.Server.BaseUrl + TrainingHub.Path)
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        hub.On<AlgorithmCompleted>(nameof(ITrainingClient.AlgorithmCompleted), e => received.Add(e));
        await hub.StartAsync();
        var view = (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "observer", null)).View!;
        Assert.Equal(4, view.Latest.Count);

        // Move the gender slider with the keyboard: focus, then End (the top of its range).
        var slider = page.Locator(".slider-card[data-slider='feature:gender'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("End");
        await page.WaitForFunctionAsync("() => /female: .* → 95\\.0%/.test(document.querySelector(\".slider-card[data-slider='feature:gender']\").innerText)",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await PageCards.DoneAsync(page);

        var rowsAfter = await CardRowTextsAsync(page);
        Assert.All(rowsAfter, r => Assert.NotEqual(rowsBefore[0], r)); // every card retrained on the resampled rows
        // The history now follows the gender slider: each algorithm gains a point at its new share (the chart redraws
        // on its own, at most once per 100 ms, so wait for it). Counting all points would not do: the class slider's
        // chart draws the baseline on both of its lines.
        await page.WaitForFunctionAsync(
            "() => { const d = document.querySelector('.history-panel .js-plotly-plot'); return d && d.data && d.data.filter(t => t.x && t.x.some(x => x >= 0.9)).length >= 4; }",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "dashboard.png"), FullPage = true });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.Select(e => e.Result.AlgorithmId).Distinct().Count() < 4 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(["lightgbm", "mlp", "random-forest", "svm"], received.Select(e => e.Result.AlgorithmId).Distinct().Order());
        var room = fixture.Server.Services.GetRequiredService<Dashboard.Rooms.RoomRegistry>().Find(code)!;
        Assert.Contains(received, e => e.Result.TestScores.SequenceEqual(room.View.Latest[e.Result.AlgorithmId].TestScores));
    }

    [Fact]
    public async Task UploadBadCsv_ShowsMessageWithLine_PageKeepsWorking()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);

        await PageUpload.ChooseAsync(page, TestData.PathOf("bad/ragged_row.csv"));

        var message = page.GetByText("line 3: this row has 2 values but the header has 3 columns");
        await message.WaitForAsync();
        Assert.True(await message.IsVisibleAsync());
        Assert.Equal(4, await page.Locator(Cards).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "bad-upload.png") });
    }

    [Fact]
    public async Task Sweep_ClassSlider_FillsHistoryChartWithEveryStep()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        var before = await HistoryPointCountAsync(page);

        await page.Locator(".sweep-button").ClickAsync();
        // No wait for the sweep's progress bar: on this shared test server the positions may all come from the cache,
        // and the sweep ends before a render shows it.
        await page.WaitForFunctionAsync(
            "n => { const d = document.querySelector('.history-panel .js-plotly-plot'); return d && d.data && d.data.reduce((k, t) => k + (t.x ? t.x.length : 0), 0) >= n; }",
            before + 4 * 8, new PageWaitForFunctionOptions { Timeout = 300_000 });
        await page.Locator(".sweep-button").WaitForAsync(); // the sweep over, its button is back

        // Eight slider positions for each of the four algorithms (plus the baseline points).
        Assert.True(await HistoryPointCountAsync(page) >= before + 32);
    }
}
