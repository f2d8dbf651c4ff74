using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>A hub client that creates a room hosts it, and with its member key it is the same member after a reconnect.</summary>
public class HubMemberTests
{
    private static Task<HubConnection> ConnectAsync(DashboardServer server) => HubClients.ConnectAsync(server.BaseUrl);

    [Fact]
    public async Task CreateRoom_WithKey_HostReconnectsWithItAndIsStillHost()
    {
        const string Key = "teacher-key-0123456789";
        await using var server = new DashboardServer();
        string code;
        await using (var first = await ConnectAsync(server))
        {
            var created = await first.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Teacher", Key);
            code = created.Code!;
            Assert.True(created.View!.State.Member(MemberIds.FromKey(Key))!.IsHost);
            Assert.Null(await first.InvokeAsync<string?>(nameof(TrainingHub.ClaimSeat), code, "mlp"));
            Assert.Null(await first.InvokeAsync<string?>(nameof(TrainingHub.SetHostOnlyControls), code, true));
        }

        await using var student = await ConnectAsync(server);
        var joined = await student.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", "student-key-0123456789");
        var studentRefused = await student.InvokeAsync<string?>(nameof(TrainingHub.SetHostOnlyControls), code, false);
        await using var again = await ConnectAsync(server);
        var back = await again.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Teacher", Key);

        Assert.False(joined.View!.State.Member(MemberIds.FromKey("student-key-0123456789"))!.IsHost);
        Assert.Equal("Only the host (Teacher) can switch classroom mode.", studentRefused);
        Assert.True(back.View!.State.Member(MemberIds.FromKey(Key))!.IsHost);
        Assert.Equal(MemberIds.FromKey(Key), back.View.State.Seat("mlp").HolderId);
        // Every member sees the room's state: the keys themselves are never in it.
        var json = System.Text.Json.JsonSerializer.Serialize(back.View, HubJson.Configure(new System.Text.Json.JsonSerializerOptions()));
        Assert.DoesNotContain(Key, json);
        Assert.DoesNotContain("student-key-0123456789", json);
        Assert.Null(await again.InvokeAsync<string?>(nameof(TrainingHub.SetHostOnlyControls), code, false));

        // Someone who copies the host's id out of the state and passes it as a key is someone else.
        await using var mallory = await ConnectAsync(server);
        var impostor = await mallory.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Mallory", MemberIds.FromKey(Key));
        Assert.False(impostor.View!.State.Member(MemberIds.FromKey(MemberIds.FromKey(Key)))!.IsHost);
        Assert.Equal("Only the host (Teacher) can switch classroom mode.", await mallory.InvokeAsync<string?>(nameof(TrainingHub.SetHostOnlyControls), code, true));
    }

    [Fact]
    public async Task JoinRoom_MalformedKey_RefusedWithASentence()
    {
        await using var server = new DashboardServer();
        await using var hub = await ConnectAsync(server);

        var refused = await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "x", "bad key");

        Assert.Equal("A member key is 16 to 64 letters, digits, '-' or '_' (keep a random one, e.g. a GUID without dashes), or null.", refused.Error);
    }
}
