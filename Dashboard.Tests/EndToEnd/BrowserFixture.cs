using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// One server and one headless Chromium for the end-to-end tests. Debian's chromium is used
/// (Playwright's own browser download does not work here); test.sh installs it when missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DashboardServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ArtifactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactFolder);
        Server = new DashboardServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No background traffic: this machine has no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        return page;
    }

    /// <summary>Opens a new room (the page is its host) and waits until its four baseline cards are done.</summary>
    public async Task<IPage> NewRoomAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
