using System.CommandLine;
using Dashboard.Rooms;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.Cli;

/// <summary>
/// `bench hub`: the hub load tool at scale against a dashboard served in this process on a
/// loopback port (e.g. 200 clients in 20 rooms for 2 minutes). Prints the load report as JSON.
/// </summary>
internal static class HubBench
{
    public static Command Create(TextWriter output)
    {
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 200, Description = "SignalR clients." };
        var rooms = new Option<int>("--rooms") { DefaultValueFactory = _ => 20, Description = "Rooms they are spread over." };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 120, Description = "How long clients send commands." };
        var interval = new Option<double>("--interval") { DefaultValueFactory = _ => 10, Description = "Mean seconds between one client's slider moves." };
        var command = new Command("hub", "Load the SignalR hub with many clients in many rooms (loopback only) and report delivery and latency.");
        command.Add(clients);
        command.Add(rooms);
        command.Add(seconds);
        command.Add(interval);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Directory.CreateTempSubdirectory("bench-hub-").FullName;
            var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Dashboard:DataFolder", folder, "--Logging:LogLevel:Default", "Warning"]);
            builder.AddDashboard();
            await using var app = builder.Build();
            app.MapDashboard();
            await app.StartAsync(cancellationToken);
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var report = await HubLoad.RunAsync(
                new HubLoadOptions(url, parse.GetValue(clients), parse.GetValue(rooms), TimeSpan.FromSeconds(parse.GetValue(seconds)),
                    TimeSpan.FromSeconds(parse.GetValue(interval))),
                app.Services.GetRequiredService<RoomNotifier>(), cancellationToken);
            await app.StopAsync(cancellationToken);
            Directory.Delete(folder, recursive: true);
            output.WriteLine(CliJson.Serialize(new { benchmark = "hub", report }));
            return 0;
        });
        return command;
    }
}
