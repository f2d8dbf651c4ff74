using System.Diagnostics;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// Two real servers (separate processes) in one cluster over a real Redis, sharing a data folder as two servers
/// on one machine do: a room created on one is used from the other, and survives the first being killed.
/// </summary>
// In the browser tests' collection: its servers train for real, and running beside those tests starved them on two cores.
[Collection(Dashboard.Tests.EndToEnd.BrowserCollection.Name)]
public sealed class TwoServerTests
{
    [RedisFact]
    public async Task SameRoomFromTwoServers_EachSeesTheOthersMoves_KillTheHost_TheRoomCarriesOnOnTheOther()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-cluster-").FullName;
        var cluster = "test-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await AppProcess.StartAsync(folder, Settings(cluster));
        await using var b = await AppProcess.StartAsync(folder, Settings(cluster));
        await using var ana = await HubDriver.ConnectAsync(a.BaseUrl);
        await using var ben = await HubDriver.ConnectAsync(b.BaseUrl);
        const string anaKey = "ana0000000000000000000000000001";

        var created = await ana.Connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", anaKey);
        Assert.Null(created.Error);
        var code = created.Code!;
        var joined = await ben.Connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", null);
        Assert.Null(joined.Error);
        Assert.Equal(code, joined.Code);

        // Ben (server B) moves the class slider: the room (hosted on A) trains, and both see the run end.
        Assert.Null(await ben.MoveClassSliderAsync(code, 0.5));
        var bensRun = await ben.CompletedRunAsync(code, "moved class balance to 0.5");
        await ana.WaitForAsync<RunCompleted>(e => e.RoomCode == code && e.RunId == bensRun);
        // Ana (server A) moves it back: Ben hears the run start (made by Ana) and end.
        Assert.Null(await ana.MoveClassSliderAsync(code, -0.5));
        var anasRun = await ana.CompletedRunAsync(code, "moved class balance to -0.5");
        var heard = await ben.WaitForAsync<RunStarted>(e => e.RoomCode == code && e.RunId == anasRun);
        Assert.Equal("Ana", heard.Context!.StartedBy);
        await ben.WaitForAsync<RunCompleted>(e => e.RoomCode == code && e.RunId == anasRun);
        Assert.Equal(4, ben.AlgorithmResults(code, anasRun));
        Assert.DoesNotContain(ben.Events, e => e.RoomCode != code);

        // Ben moves the slider again and the room's server dies without warning while it trains that position;
        // Ana reconnects to B with her key and carries on as the host.
        Assert.Null(await ben.MoveClassSliderAsync(code, 0.75));
        a.Kill();
        var clock = Stopwatch.StartNew();
        await using var anaAgain = await HubDriver.ConnectAsync(b.BaseUrl);
        RoomEntry back;
        do
        {
            back = await anaAgain.Connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ana", anaKey);
            if (back.Error is null) break;
            await Task.Delay(250);
        } while (clock.Elapsed < TimeSpan.FromSeconds(60));
        Assert.True(back.Error is null, $"{back.Error}\n{b.Log}");
        var view = back.View!;
        Assert.Equal(0.75, view.State.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.Equal(MemberIds.FromKey(anaKey), view.State.Members.Single(m => m.IsHost).Id);
        Assert.Contains(view.State.Members, m => m.DisplayName == "Ben");

        // The interrupted position is trained again on B (after the baseline), and Ben, connected to B all along, hears it.
        var retrained = await ben.WaitForAsync<RunStarted>(e => e.RoomCode == code && e.Reason == "the sliders' positions");
        Assert.Equal(0.75, retrained.Context!.State.Slider(RoomDefaults.ClassSliderId).Balance);
        await ben.WaitForAsync<RunCompleted>(e => e.RoomCode == code && e.RunId == retrained.RunId);

        Assert.Null(await anaAgain.MoveClassSliderAsync(code, 0.25));
        var afterFailover = await anaAgain.CompletedRunAsync(code, "moved class balance to 0.25");
        await ben.WaitForAsync<RunCompleted>(e => e.RoomCode == code && e.RunId == afterFailover);
        Assert.Equal(4, anaAgain.AlgorithmResults(code, afterFailover));

        // Both runs finished before the kill were stored in the shared folder, and the one after it too.
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"{b.BaseUrl}/export/runs.json?room={code}");
        foreach (var run in new[] { bensRun, anasRun, retrained.RunId, afterFailover }) Assert.Contains(run, json);
    }

    [Fact]
    public async Task Start_ClusterRedisDoesNotAnswer_OneLineSaysWhatToDo_NoStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-cluster-").FullName;

        var (exitCode, output) = await AppProcess.RunToExitAsync(folder, TimeSpan.FromSeconds(90), new Dictionary<string, string> { ["Cluster__Redis"] = "127.0.0.1:1" });

        Assert.Equal(2, exitCode);
        Assert.Contains("error: The server cannot join the cluster: Redis at '127.0.0.1:1' does not answer", output);
        Assert.Contains("leave Cluster:Redis empty to run this server alone.", output);
        Assert.DoesNotContain("   at ", output);
    }

    private static Dictionary<string, string> Settings(string cluster) => new()
    {
        ["Cluster__Redis"] = RedisFactAttribute.Address!,
        ["Cluster__ClusterId"] = cluster,
    };
}
