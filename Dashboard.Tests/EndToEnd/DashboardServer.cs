using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The real dashboard on a free loopback port (Kestrel), with its own temporary data folder.</summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("dashboard-e2e-").FullName;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Configuration to set, e.g. { ["Security:RoomsPerAddressPerMinute"] = "2" }.</param>
    public DashboardServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        // Every test client comes from 127.0.0.1: per-address limits are raised unless a test sets them (the Security tests do).
        var all = new Dictionary<string, string>(TestLimits.Raised);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        _settings = all;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Dashboard:DataFolder", _dataFolder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
