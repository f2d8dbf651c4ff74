using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Dashboard.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// A page on one server of a cluster using a room hosted by the other (real processes, real Redis, real browser):
/// it shows the room, its slider moves train there and come back; when the room's server dies, the page carries on.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ClusterPageTests(BrowserFixture fixture)
{
    [RedisFact]
    public async Task PageOnB_RoomHostedOnA_ShowsAndTrainsIt_KillA_ThePageCarriesOnOnB()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-cluster-").FullName;
        var settings = new Dictionary<string, string> { ["Cluster__Redis"] = RedisFactAttribute.Address!, ["Cluster__ClusterId"] = "page-" + Guid.NewGuid().ToString("N")[..8] };
        await using var a = await AppProcess.StartAsync(folder, settings);
        await using var b = await AppProcess.StartAsync(folder, settings);
        await using var host = await HubDriver.ConnectAsync(a.BaseUrl);
        var code = (await host.Connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Teacher", null)).Code!;

        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"{b.BaseUrl}/room/{code}");
        await PageCards.DoneAsync(page);
        Assert.Equal(code, (await page.Locator(".room-code").InnerTextAsync()).Trim());
        var rowsBefore = (await PageCards.RowsAsync(page))[0];

        // The page's move goes to A, trains there, and comes back to B's page (and to the teacher on A).
        var slider = page.Locator(".slider-card[data-slider='class'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        await PageCards.RetrainedAsync(page, rowsBefore);
        var rowsAfterUndersampling = (await PageCards.RowsAsync(page))[0];
        Assert.True(rowsAfterUndersampling < rowsBefore);
        // The readout and the "after" chart of B's page follow the rows A trained on (B resampled the same position itself).
        var card = page.Locator(".slider-card[data-slider='class']");
        await page.WaitForFunctionAsync("() => /→ 50\\.0% of training rows/.test(document.querySelector(\".slider-card[data-slider='class'] .slider-readout\").innerText)");
        await card.GetByText($"after: {rowsAfterUndersampling:N0} rows").WaitForAsync();
        await host.WaitForAsync<RunCompleted>(e => e.RoomCode == code && host.Events.OfType<RunStarted>().Any(s => s.RunId == e.RunId && s.Reason.StartsWith("moved class balance")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "cluster-page-on-b.png"), FullPage = false });

        // A dies; the room comes back on B and the same page goes on moving its slider.
        a.Kill();
        await slider.FocusAsync();
        await slider.PressAsync("End");
        // The room reopened on B trains its baseline first (every card's reference; the move waits for it), then the move:
        // SMOTE adds minority rows, so every card ends on more rows than at neutral.
        await PageCards.WaitAsync(page, "() => { const t = [...document.querySelectorAll('.algorithm-card')].map(c => c.innerText); " +
            $"return t.length === 4 && t.every(x => {{ const m = /on ([\\d,]+) training rows/.exec(x); return m && +m[1].replace(/,/g, '') > {rowsBefore}; }}); }}",
            $"four cards on more than {rowsBefore:N0} rows");
        Assert.All(await PageCards.RowsAsync(page), rows => Assert.True(rows > rowsBefore)); // SMOTE added minority rows
        Assert.Equal("100", await slider.InputValueAsync());
    }

    [RedisFact]
    public async Task PageThroughOneAddress_ItsServerDies_ThePageReconnectsToTheOther_SameRoomStillHost()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-cluster-").FullName;
        var settings = new Dictionary<string, string> { ["Cluster__Redis"] = RedisFactAttribute.Address!, ["Cluster__ClusterId"] = "lb-" + Guid.NewGuid().ToString("N")[..8] };
        await using var a = await AppProcess.StartAsync(folder, settings);
        await using var b = await AppProcess.StartAsync(folder, settings);
        await using var balancer = new SwitchableProxy(a.BaseUrl);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(balancer.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        var code = (await page.Locator(".room-code").InnerTextAsync()).Trim();
        await page.GetByText("Only I move sliders").WaitForAsync(); // the host's classroom switch

        // A dies; the load balancer sends new connections to B. Blazor's reconnect reaches B, which has no such
        // circuit, so the page reloads its own address (/room/CODE) and B opens the room, moved there.
        await page.EvaluateAsync("() => window.servedByA = true"); // gone once the page has reloaded
        a.Kill();
        balancer.RouteTo(b.BaseUrl);
        await page.WaitForFunctionAsync("() => window.servedByA === undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('.room-code') && document.querySelector('.room-code').innerText.trim() === '{code}' " +
            "&& document.querySelectorAll('.algorithm-card').length === 4", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await PageCards.DoneAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "cluster-page-after-failover.png") });
        await page.GetByText("Only I move sliders").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 }); // the same member (key in the browser), host still
        Assert.EndsWith($"/room/{code}", page.Url);
        await page.GetByText("moved to another server with Titanic").WaitForAsync(); // the room's feed came along
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "cluster-page-after-failover.png") });
    }
}
