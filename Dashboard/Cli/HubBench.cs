using System.CommandLine;
using Dashboard.Rooms;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.Cli;

/// <summary>
/// `bench hub`: the hub load tool at scale against a dashboard served in this process on a
/// loopback port (e.g. 200 clients in 20 rooms for 2 minutes), or with `--url` (repeated) against
/// servers already running on loopback, e.g. the servers of a cluster. Prints the load report as JSON.
/// </summary>
internal static class HubBench
{
    public static Command Create(TextWriter output)
    {
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 200, Description = "SignalR clients." };
        var rooms = new Option<int>("--rooms") { DefaultValueFactory = _ => 20, Description = "Rooms they are spread over." };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 120, Description = "How long clients send commands." };
        var interval = new Option<double>("--interval") { DefaultValueFactory = _ => 10, Description = "Mean seconds between one client's slider moves." };
        var urls = new Option<string[]>("--url") { Description = "A running server to load instead of one in this process (repeat for a cluster's servers; loopback only)." };
        var speculation = new Option<double?>("--speculation-idle") { Description = "Seconds a room must be idle before the server trains ahead (0: off); the server's setting when left out. In-process server only." };
        var paired = new Option<bool>("--paired")
        {
            Description = "Run the load twice on fresh in-process servers with the same moves, speculation off and on (after an unmeasured " +
                "30-second warm-up, so neither run pays for compiling the code), and compare the same moves (those that had to fit something in both runs).",
        };
        var onFirst = new Option<bool>("--on-first") { Description = "With --paired: the run with speculation first (alternate pairs to cancel any order effect)." };
        var command = new Command("hub", "Load the SignalR hub with many clients in many rooms (loopback only) and report delivery, latency and runs per minute.");
        command.Add(urls);
        command.Add(clients);
        command.Add(rooms);
        command.Add(seconds);
        command.Add(interval);
        command.Add(speculation);
        command.Add(paired);
        command.Add(onFirst);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(urls) is { Length: > 0 } servers)
            {
                if (servers.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || !uri.IsLoopback) is { } remote)
                {
                    output.WriteLine($"error: '{remote}' is not a loopback URL; the load tool only loads servers on this machine (http://127.0.0.1:PORT).");
                    return 2;
                }
                var external = await HubLoad.RunAsync(
                    new HubLoadOptions(servers[0], parse.GetValue(clients), parse.GetValue(rooms), TimeSpan.FromSeconds(parse.GetValue(seconds)),
                        TimeSpan.FromSeconds(parse.GetValue(interval)), OtherServers: servers[1..]),
                    notifier: null, cancellationToken);
                output.WriteLine(CliJson.Serialize(new { benchmark = "hub", report = external }));
                return 0;
            }
            Task<HubLoadReport> RunInProcess(double? idle, int seed = 1, int? forSeconds = null) => RunInProcessAsync(idle, url => new HubLoadOptions(url,
                parse.GetValue(clients), parse.GetValue(rooms), TimeSpan.FromSeconds(forSeconds ?? parse.GetValue(seconds)),
                TimeSpan.FromSeconds(parse.GetValue(interval)), seed), cancellationToken);
            if (parse.GetValue(paired))
            {
                double? speculating = parse.GetValue(speculation) is > 0 and var idle ? idle : null;
                await RunInProcess(speculating, seed: 1000, forSeconds: 30); // other moves, not measured: compiles what both runs use
                HubLoadReport off, on;
                if (parse.GetValue(onFirst)) (on, off) = (await RunInProcess(speculating), await RunInProcess(0));
                else (off, on) = (await RunInProcess(0), await RunInProcess(speculating));
                output.WriteLine(CliJson.Serialize(new { benchmark = "hub", onFirst = parse.GetValue(onFirst), off, on, sameMoves = SpeculationPair.Compare(off.Moves, on.Moves) }));
                return 0;
            }
            var report = await RunInProcess(parse.GetValue(speculation));
            output.WriteLine(CliJson.Serialize(new { benchmark = "hub", report }));
            return 0;
        });
        return command;
    }

    /// <summary>The load against a fresh dashboard served in this process on a loopback port, with its own data folder.</summary>
    /// <param name="speculationIdle">Seconds a room must be idle before the server trains ahead (0: off; null: the server's setting).</param>
    private static async Task<HubLoadReport> RunInProcessAsync(double? speculationIdle, Func<string, HubLoadOptions> options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("bench-hub-").FullName;
        // The server's log goes to stderr: stdout is the report, read as JSON.
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--Dashboard:DataFolder", folder, "--Logging:LogLevel:Default", "Warning",
            "--Logging:Console:LogToStandardErrorThreshold", "Trace"];
        if (speculationIdle is { } idle) arguments = [.. arguments, "--Dashboard:SpeculationIdleSeconds", idle.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var builder = WebApplication.CreateBuilder(arguments);
        builder.AddDashboard();
        await using var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync(cancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var report = await HubLoad.RunAsync(options(url), app.Services.GetRequiredService<RoomNotifier>(), cancellationToken,
            app.Services.GetRequiredService<RoomRegistry>().Slots);
        await app.StopAsync(cancellationToken);
        Directory.Delete(folder, recursive: true);
        return report;
    }
}
