using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Hubs;

/// <summary>
/// The live API at /hubs/training: any SignalR client (.NET, JavaScript, Python) can create or join
/// a room, watch its events and send it commands. A client can only act on rooms it has joined.
/// Commands answer null when applied, or the message saying why they were refused. See docs/hub.md.
/// </summary>
public sealed class TrainingHub(RoomRegistry rooms) : Hub<ITrainingClient>
{
    public const string Path = "/hubs/training";
    private const string JoinedKey = "joined";
    private const string FailedJoinsKey = "failed-joins";

    /// <summary>Wrong codes one connection may try before it is refused: codes must stay unguessable.</summary>
    public const int MaxFailedJoins = 10;

    /// <summary>Creates a room (on the default data set) and joins it; returns its code.</summary>
    public async Task<string> CreateRoom()
    {
        var room = rooms.Create();
        await JoinRoom(room.Code);
        return room.Code;
    }

    /// <summary>Joins a room's group as a member (shown with the display name); returns its whole current state.</summary>
    public async Task<RoomView> JoinRoom(string code, string? displayName = null)
    {
        var failed = (int)(Context.Items.TryGetValue(FailedJoinsKey, out var count) ? count! : 0);
        if (failed >= MaxFailedJoins) throw new HubException("Too many wrong room codes from this connection. Reconnect and try again later.");
        var room = rooms.Find(code);
        if (room is null)
        {
            Context.Items[FailedJoinsKey] = failed + 1;
            throw new HubException("There is no open room with that code. Check the code and try again.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, room.Code);
        Joined.Add(room.Code);
        await room.ExecuteAsync(new EnterRoom(Member, displayName ?? "API client"));
        var snapshot = room.Snapshot;
        return new RoomView(snapshot.State, snapshot.Latest.Values.ToArray(), snapshot.History, snapshot.Training,
            snapshot.Workspace?.Split.Data.Data.Columns.Select(c => c.Name).ToArray() ?? []);
    }

    public Task<string?> MoveSlider(string code, string sliderId, double? targetShare) =>
        Room(code).ExecuteAsync(new MoveSlider(Member, sliderId, targetShare));

    public Task<string?> SetAlgorithm(string code, string algorithmId, Dictionary<string, double> hyperparameters, ClassWeighting? classWeight) =>
        Room(code).ExecuteAsync(new SetAlgorithm(Member, algorithmId, new HyperparameterValues(hyperparameters), classWeight ?? ClassWeighting.None));

    public Task<string?> SelectDataset(string code, DatasetChoice dataset) =>
        Room(code).ExecuteAsync(new SelectDataset(Member, dataset));

    public Task<string?> SetThreshold(string code, double threshold) =>
        Room(code).ExecuteAsync(new SetThreshold(Member, threshold));

    public Task<string?> SetLeakyMode(string code, bool leaky) =>
        Room(code).ExecuteAsync(new SetLeakyMode(Member, leaky));

    public Task<string?> ClaimSeat(string code, string algorithmId) => Room(code).ExecuteAsync(new ClaimSeat(Member, algorithmId));

    public Task<string?> ReleaseSeat(string code, string algorithmId) => Room(code).ExecuteAsync(new ReleaseSeat(Member, algorithmId));

    public Task<string?> SetHostOnlyControls(string code, bool hostOnly) => Room(code).ExecuteAsync(new SetHostOnlyControls(Member, hostOnly));

    /// <summary>A closed connection leaves every room it joined (its seats are released).</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var code in Joined)
        {
            if (rooms.Find(code) is { } room) await room.ExecuteAsync(new LeaveRoom(Member));
        }
        await base.OnDisconnectedAsync(exception);
    }

    private string Member => Context.ConnectionId;

    private HashSet<string> Joined =>
        (HashSet<string>)(Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : Context.Items[JoinedKey] = new HashSet<string>());

    private RoomRunner Room(string code)
    {
        var room = rooms.Find(code);
        if (room is null || !Joined.Contains(room.Code)) throw new HubException("Join the room before sending it commands.");
        return room;
    }
}
