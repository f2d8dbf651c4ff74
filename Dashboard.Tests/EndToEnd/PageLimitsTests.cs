using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The page counts rooms opened and wrong room codes against the browser's address, like the hub.</summary>
[Collection(BrowserCollection.Name)]
public class PageLimitsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OpenRooms_OverTheLimit_ThenWrongCodes_PageSaysWhyInSentences()
    {
        await using var server = new DashboardServer(new Dictionary<string, string>
        {
            ["Security:RoomsPerAddressPerMinute"] = "1",
            ["Security:WrongRoomCodesPerAddress"] = "2",
        });
        var first = await fixture.NewPageAsync();
        await first.GotoAsync(server.BaseUrl + "/");
        await first.Locator(".room-code").WaitForAsync();
        var code = (await first.Locator(".room-code").InnerTextAsync()).Trim();

        var second = await OpenAsync(server, "/");
        await OpenAsync(server, "/room/AAA-AAA");
        var wrong = await OpenAsync(server, "/room/BBB-BBB");
        var locked = await OpenAsync(server, "/room/" + code);

        Assert.Contains("Your network opened 1 rooms in the last minute, the limit. Wait a minute, or join an open room by its code.", second);
        Assert.Contains("There is no open room with the code 'BBB-BBB'.", wrong);
        Assert.Contains("Too many wrong room codes from your network. Try again in ", locked);
    }

    private async Task<string> OpenAsync(DashboardServer server, string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + path);
        var message = page.Locator(".error-message");
        await message.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var text = await message.First.InnerTextAsync();
        await page.CloseAsync();
        return text;
    }
}
