using System.Text.Json;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Security;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Hubs;

/// <summary>
/// The live API at /hubs/training: any SignalR client (.NET, JavaScript, Python) can create or join
/// a room, watch its events and send it commands. A client can only act on rooms it has joined.
/// Commands answer null when applied, or the message saying why they were refused; a missing or
/// malformed argument is refused the same way, with a sentence. Nothing is thrown at a client: a
/// thrown HubException would reach it wrapped in the framework's own words. See docs/hub.md and docs/security.md.
/// </summary>
public sealed class TrainingHub(RoomRegistry rooms, ClientLimits limits) : Hub<ITrainingClient>
{
    public const string Path = "/hubs/training";
    private const string JoinedKey = "joined";
    private const string NoCode = "Give the room's code, like K7Q-2MX.";

    /// <summary>Creates a room (on the default data set) and joins it as its first member.</summary>
    public async Task<RoomEntry> CreateRoom(string? displayName = null)
    {
        if (limits.TryOpenRoom(Address) is { } refusal) return RoomEntry.Refused(refusal);
        return await EnterAsync(rooms.Create(), displayName);
    }

    /// <summary>
    /// Joins a room's group as a member (shown with the display name); returns its whole current state.
    /// A closed room is reopened from storage by its code. Wrong codes are counted per client address.
    /// </summary>
    public async Task<RoomEntry> JoinRoom(string? code, string? displayName = null)
    {
        if (limits.RoomCodeRefusal(Address) is { } refusal) return RoomEntry.Refused(refusal);
        if (string.IsNullOrWhiteSpace(code)) return RoomEntry.Refused(NoCode);
        var room = await rooms.FindOrReopenAsync(code, Context.ConnectionAborted);
        if (room is null)
        {
            limits.WrongRoomCode(Address);
            return RoomEntry.Refused("There is no open room with that code. Check the code and try again.");
        }
        return await EnterAsync(room, displayName);
    }

    public Task<string?> MoveSlider(string? code, string? sliderId, double? targetShare) =>
        SendAsync(code, member => new MoveSlider(member, HubArguments.Required(sliderId, "the slider's id (\"class\" or \"feature:COLUMN\")"),
            HubArguments.Finite(targetShare, "The slider's share")));

    public Task<string?> SetAlgorithm(string? code, string? algorithmId, JsonElement? hyperparameters, JsonElement? classWeight) =>
        SendAsync(code, member => new SetAlgorithm(member, HubArguments.Required(algorithmId, "the algorithm's id"),
            HubArguments.Hyperparameters(hyperparameters), HubArguments.ClassWeight(classWeight)));

    public Task<string?> SelectDataset(string? code, JsonElement? dataset) =>
        SendAsync(code, member => new SelectDataset(member, HubArguments.Dataset(dataset)));

    /// <summary>Sets one algorithm's threshold for the whole room (its seat holder or the host; only the host in classroom mode).</summary>
    public Task<string?> SetThreshold(string? code, string? algorithmId, double threshold) =>
        SendAsync(code, member => new SetThreshold(member, HubArguments.Required(algorithmId, "the algorithm's id"), HubArguments.Finite(threshold, "The threshold")));

    public Task<string?> SetLeakyMode(string? code, bool leaky) => SendAsync(code, member => new SetLeakyMode(member, leaky));

    public Task<string?> ClaimSeat(string? code, string? algorithmId) =>
        SendAsync(code, member => new ClaimSeat(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    public Task<string?> ReleaseSeat(string? code, string? algorithmId) =>
        SendAsync(code, member => new ReleaseSeat(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    public Task<string?> SetHostOnlyControls(string? code, bool hostOnly) => SendAsync(code, member => new SetHostOnlyControls(member, hostOnly));

    /// <summary>A closed connection leaves every room it joined (its seats are released).</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var code in Joined)
        {
            if (rooms.Find(code) is { } room) await room.ExecuteAsync(new LeaveRoom(Member));
        }
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<RoomEntry> EnterAsync(RoomRunner room, string? displayName)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, room.Code);
        Joined.Add(room.Code);
        if (await room.ExecuteAsync(new EnterRoom(Member, displayName ?? "API client")) is { } refusal) return RoomEntry.Refused(refusal);
        var snapshot = room.Snapshot;
        return new RoomEntry(room.Code, new RoomView(snapshot.State, snapshot.Latest.Values.ToArray(), snapshot.History, snapshot.Training,
            snapshot.Workspace?.Split.Data.Data.Columns.Select(c => c.Name).ToArray() ?? []), null);
    }

    /// <summary>Builds the command from the client's arguments and queues it; a bad argument is refused with its sentence.</summary>
    private async Task<string?> SendAsync(string? code, Func<string, RoomCommand> command)
    {
        if (string.IsNullOrWhiteSpace(code)) return NoCode;
        var room = rooms.Find(code);
        if (room is null || !Joined.Contains(room.Code)) return "Join the room before sending it commands.";
        RoomCommand built;
        try
        {
            built = command(Member);
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
        return await room.ExecuteAsync(built);
    }

    private string Member => Context.ConnectionId;

    private string Address => ClientAddress.KeyOf(Context.GetHttpContext());

    private HashSet<string> Joined =>
        (HashSet<string>)(Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : Context.Items[JoinedKey] = new HashSet<string>());
}
