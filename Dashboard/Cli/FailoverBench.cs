using System.CommandLine;
using System.Diagnostics;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Cli;

/// <summary>
/// `bench failover`: how long a room is gone when its server dies. Against two running servers of one cluster
/// (loopback): a client creates a room on the first and waits for its baseline, a second client joins from the
/// other; then the first server's process is killed (SIGKILL) and the clock runs until the room answers on the
/// other (JoinRoom with the host's key succeeds) and until a slider move there has trained all its cards.
/// </summary>
internal static class FailoverBench
{
    public static Command Create(TextWriter output)
    {
        var host = new Option<string>("--host-url") { Required = true, Description = "The server the room is created on (it is killed)." };
        var other = new Option<string>("--other-url") { Required = true, Description = "Another server of the same cluster." };
        var pid = new Option<int>("--host-pid") { Required = true, Description = "The process id of the host server (killed with SIGKILL)." };
        var command = new Command("failover", "Kill the server hosting a room and time until the room answers, and trains, on another server of the cluster.");
        command.Add(host);
        command.Add(other);
        command.Add(pid);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (hostUrl, otherUrl) = (parse.GetValue(host)!, parse.GetValue(other)!);
            if (new[] { hostUrl, otherUrl }.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || !uri.IsLoopback) is { } remote)
            {
                output.WriteLine($"error: '{remote}' is not a loopback URL; this bench only kills a server on this machine.");
                return 2;
            }
            var key = "failover" + Guid.NewGuid().ToString("N");
            await using var ana = await ConnectAsync(hostUrl, cancellationToken);
            var created = await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", key, cancellationToken);
            var code = created.Code ?? throw new InvalidOperationException(created.Error);
            await WaitIdleAsync(ana, code, cancellationToken);
            await using var ben = await ConnectAsync(otherUrl, cancellationToken);
            var completed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var moveRun = "";
            ben.On<RunStarted>(nameof(ITrainingClient.RunStarted), e => { if (e.Reason == "moved class balance to 0.5") moveRun = e.RunId; });
            ben.On<RunCompleted>(nameof(ITrainingClient.RunCompleted), e => { if (e.RunId == moveRun) completed.TrySetResult(e.RunId); });
            if ((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", null, cancellationToken)).Error is { } refused)
            {
                throw new InvalidOperationException(refused);
            }

            Process.GetProcessById(parse.GetValue(pid)).Kill();
            var clock = Stopwatch.StartNew();
            await using var back = await ConnectAsync(otherUrl, cancellationToken);
            while ((await back.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ana", key, cancellationToken)).Error is not null)
            {
                await Task.Delay(100, cancellationToken);
            }
            var answered = clock.Elapsed.TotalSeconds;
            if (await back.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), code, RoomDefaults.ClassSliderId, 0.5, cancellationToken) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
            await completed.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            output.WriteLine(CliJson.Serialize(new
            {
                benchmark = "failover",
                room = code,
                answeredAfterSeconds = Math.Round(answered, 2),
                moveTrainedAfterSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            }));
            return 0;
        });
        return command;
    }

    private static async Task<HubConnection> ConnectAsync(string url, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url.TrimEnd('/') + TrainingHub.Path)
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>Waits for the room's first run (its baseline) to finish.</summary>
    private static async Task WaitIdleAsync(HubConnection connection, string code, CancellationToken cancellationToken)
    {
        while ((await connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code, cancellationToken)).View is { } view && (view.Runs.Count > 0 || view.Latest.Count == 0))
        {
            await Task.Delay(200, cancellationToken);
        }
    }
}
