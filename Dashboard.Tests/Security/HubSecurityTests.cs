using System.Diagnostics;
using System.Net;
using Dashboard.Hubs;
using Dashboard.Tests.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Security;

/// <summary>Probes from outside, through a real SignalR client: paths, malformed arguments, guessing and flooding.</summary>
public class HubSecurityTests
{
    private static readonly string[] FrameworkTexts = ["Object reference", "(Parameter", "Failed to invoke", "Exception", "   at "];

    private static async Task<string> CreateRoomAsync(HubConnection hub) =>
        (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), null, null)).Code!;

    private static Task<HubConnection> ConnectAsync(DashboardServer server) => HubClients.ConnectAsync(server.BaseUrl);

    private static void AssertSentence(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        foreach (var text in FrameworkTexts) Assert.DoesNotContain(text, message);
    }

    [Fact]
    public async Task SelectDataset_Paths_RefusedWithoutOpeningThem_RoomUnchanged()
    {
        await using var server = new DashboardServer();
        await using var hub = await ConnectAsync(server);
        var code = await CreateRoomAsync(hub);
        var folder = Directory.CreateTempSubdirectory("hub-paths-").FullName;
        var fifo = Path.Combine(folder, "trap.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        var csv = Path.Combine(folder, "secret.csv");
        await File.WriteAllTextAsync(csv, "secret_column,survived\n1,yes\n2,no\n3,yes\n4,no\n");
        try
        {
            foreach (var source in new[] { "/etc/os-release", csv, "../../../../../../" + csv.TrimStart('/'), "/dev/zero", fifo })
            {
                var call = hub.InvokeAsync<string?>(nameof(TrainingHub.SelectDataset), code, new { source, target = "survived" });
                // A FIFO that was opened would hold the call until a writer came; /dev/zero would take 100 MB first.
                Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30))));
                var refusal = await call;
                Assert.Contains("does not open file paths", refusal);
                Assert.DoesNotContain("secret_column", refusal);
                AssertSentence(refusal);
            }
            var entry = await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "probe", null);
            Assert.Equal("titanic", entry.View!.State.Dataset.Source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Commands_NullOrMalformedArguments_AnsweredWithSentences()
    {
        await using var server = new DashboardServer();
        await using var hub = await ConnectAsync(server);
        var code = await CreateRoomAsync(hub);

        var badMode = await hub.InvokeAsync<string?>(nameof(TrainingHub.SetAlgorithm), code, "lightgbm", null, new { mode = "Bogus" });
        var noAlgorithm = await hub.InvokeAsync<string?>(nameof(TrainingHub.SetAlgorithm), code, "nope", null, null);
        var badWeight = await hub.InvokeAsync<string?>(nameof(TrainingHub.SetAlgorithm), code, "lightgbm", null, new { mode = "Custom", positiveWeight = 5000 });
        var noDataset = await hub.InvokeAsync<string?>(nameof(TrainingHub.SelectDataset), code, null);
        var noSlider = await hub.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), code, null, 0.5);
        var noSeat = await hub.InvokeAsync<string?>(nameof(TrainingHub.ClaimSeat), code, null);
        var notJoined = await hub.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), "ZZZ-ZZZ", "class", 0.5);
        var noCode = (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), null, null, null)).Error;
        var defaults = await hub.InvokeAsync<string?>(nameof(TrainingHub.SetAlgorithm), code, "lightgbm", null, null);

        Assert.Equal("The class weight's mode must be one of None, Balanced, Custom, FromCosts; \"Bogus\" was given.", badMode);
        Assert.Equal("This room has no algorithm 'nope'. Its algorithms are: lightgbm, random-forest, svm, mlp.", noAlgorithm);
        Assert.Equal("The positive class weight must be above 0 and at most 1000.", badWeight);
        Assert.StartsWith("Say which data set to use", noDataset);
        Assert.Equal("Give the slider's id (\"class\" or \"feature:COLUMN\"); it was missing.", noSlider);
        Assert.Equal("Give the algorithm's id; it was missing.", noSeat);
        Assert.Equal("Join the room before sending it commands.", notJoined);
        Assert.Equal("Give the room's code, like K7Q-2MX.", noCode);
        Assert.Null(defaults); // null hyperparameters and class weight mean the defaults
        foreach (var message in new[] { badMode, noAlgorithm, badWeight, noDataset, noSlider, noSeat, noCode }) AssertSentence(message);
    }

    [Fact]
    public async Task JoinRoom_WrongCodesAcrossReconnects_ThrottledPerAddress_ExportToo()
    {
        await using var server = new DashboardServer(new Dictionary<string, string> { ["Security:WrongRoomCodesPerAddress"] = "3" });
        string code;
        await using (var owner = await ConnectAsync(server)) code = await CreateRoomAsync(owner);

        await using (var guesser = await ConnectAsync(server))
        {
            foreach (var guess in new[] { "AAA-AAA", "BBB-BBB", "CCC-CCC" })
            {
                var wrong = await guesser.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), guess, null, null);
                Assert.Equal("There is no open room with that code. Check the code and try again.", wrong.Error);
                Assert.Null(wrong.View);
            }
        }
        // A fresh connection from the same address starts nothing afresh: even the right code waits.
        await using var again = await ConnectAsync(server);
        var refused = await again.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, null, null);
        using var http = new HttpClient();
        var export = await http.GetAsync($"{server.BaseUrl}/export/runs.json?room={code}");

        Assert.StartsWith("Too many wrong room codes from your network. Try again in ", refused.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, export.StatusCode);
        Assert.Contains("Too many wrong room codes", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_WrongRoomCodes_CountAsGuesses()
    {
        await using var server = new DashboardServer(new Dictionary<string, string> { ["Security:WrongRoomCodesPerAddress"] = "2" });
        using var http = new HttpClient();

        var first = await http.GetAsync($"{server.BaseUrl}/export/runs.csv?room=AAA-AAA");
        var second = await http.GetAsync($"{server.BaseUrl}/export/runs.csv?room=BBB-BBB");
        var third = await http.GetAsync($"{server.BaseUrl}/export/report.html?room=CCC-CCC");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task CreateRoom_OverThePerMinuteLimit_RefusedWithASentence()
    {
        await using var server = new DashboardServer(new Dictionary<string, string> { ["Security:RoomsPerAddressPerMinute"] = "2" });
        await using var hub = await ConnectAsync(server);

        await CreateRoomAsync(hub);
        await CreateRoomAsync(hub);
        var refused = await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), null, null);

        Assert.Equal("Your network opened 2 rooms in the last minute, the limit. Wait a minute, or join an open room by its code.", refused.Error);
        Assert.Null(refused.Code);
    }
}
