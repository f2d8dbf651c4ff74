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

    /// <summary>Creates a room (on the default data set) and joins it as its host.</summary>
    /// <param name="memberKey">The key this client is known by (16-64 letters, digits, '-', '_'); null: this connection only.</param>
    public async Task<RoomEntry> CreateRoom(string? displayName = null, string? memberKey = null)
    {
        if (MemberKeyProblem(memberKey) is { } problem) return RoomEntry.Refused(problem);
        if (limits.TryOpenRoom(Address) is { } refusal) return RoomEntry.Refused(refusal);
        // In the room's group before it opens: its first events (the baseline, perhaps from the cache at once) are heard.
        var room = await rooms.CreateAsync(beforeOpening: code => Groups.AddToGroupAsync(Context.ConnectionId, code),
            codeTaken: code => Groups.RemoveFromGroupAsync(Context.ConnectionId, code));
        return await EnterAsync(room, displayName, memberKey, asHost: true);
    }

    /// <summary>
    /// Joins a room's group as a member (shown with the display name); returns its whole current state.
    /// A closed room is reopened from storage by its code. Wrong codes are counted per client address.
    /// </summary>
    /// <param name="memberKey">The key this client is known by: joining again with it (after a reconnect) is the same member, host and seat kept.</param>
    public async Task<RoomEntry> JoinRoom(string? code, string? displayName = null, string? memberKey = null)
    {
        if (MemberKeyProblem(memberKey) is { } problem) return RoomEntry.Refused(problem);
        if (limits.RoomCodeRefusal(Address) is { } refusal) return RoomEntry.Refused(refusal);
        if (string.IsNullOrWhiteSpace(code)) return RoomEntry.Refused(NoCode);
        var room = await rooms.FindOrReopenAsync(code, Context.ConnectionAborted);
        if (room is null)
        {
            limits.WrongRoomCode(Address);
            return RoomEntry.Refused("There is no open room with that code. Check the code and try again.");
        }
        return await EnterAsync(room, displayName, memberKey, asHost: false);
    }

    /// <summary>The whole current view of a room this connection joined (what JoinRoom answered, as it is now), changing nothing.</summary>
    public RoomEntry GetRoom(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return RoomEntry.Refused(NoCode);
        var room = rooms.Find(code);
        return room is null || !Joined.ContainsKey(room.Code)
            ? RoomEntry.Refused("Join the room before asking for its view.")
            : new RoomEntry(room.Code, room.View, null);
    }

    /// <summary>
    /// Moves a slider: <paramref name="position"/> is a feature slider's (or the free class control's) focus-group share,
    /// 0.01–0.95; on the class-balance track it is the signed position −1 (majority undersampled to 50/50) … +1 (minority
    /// SMOTEd to 50/50). Null (or 0 on the balance track) is neutral.
    /// </summary>
    public Task<string?> MoveSlider(string? code, string? sliderId, double? position) =>
        SendAsync(code, member => new MoveSlider(member, HubArguments.Required(sliderId, "the slider's id (\"class\" or \"feature:COLUMN\")"),
            HubArguments.Finite(position, "The slider's position")));

    /// <summary>Gives a feature column a slider (default group: its rarest category, or its top quartile).</summary>
    public Task<string?> AddSlider(string? code, string? column) =>
        SendAsync(code, member => new AddSlider(member, HubArguments.Required(column, "the column's name")));

    /// <summary>Sets a slider's focus group and methods; it goes back to neutral. A null group puts the class slider back on its balance track.</summary>
    public Task<string?> ConfigureSlider(string? code, string? sliderId, JsonElement? group, string? under, string? over, int k) =>
        SendAsync(code, member => new ConfigureSlider(member, HubArguments.Required(sliderId, "the slider's id"), HubArguments.OptionalGroup(group),
            HubArguments.Method<Core.Resampling.UndersamplingMethod>(under, "undersampling method"),
            HubArguments.Method<Core.Resampling.OversamplingMethod>(over, "oversampling method"), k));

    public Task<string?> RemoveSlider(string? code, string? sliderId) =>
        SendAsync(code, member => new RemoveSlider(member, HubArguments.Required(sliderId, "the slider's id")));

    /// <summary>
    /// Moves a slider across its range (8 positions, 5 % to 80 %), one run per position, each finished
    /// before the next: results arrive as events. Runs in the background; a newer sweep stops an older one.
    /// </summary>
    public Task<string?> Sweep(string? code, string? sliderId) =>
        WithRoomAsync(code, (room, member) => Task.FromResult(room.Sweeps.Start(member, HubArguments.Required(sliderId, "the slider's id"))));

    /// <summary>Stops the room's sweep; the run in flight finishes.</summary>
    public Task<string?> StopSweep(string? code) =>
        WithRoomAsync(code, (room, _) =>
        {
            room.Sweeps.Stop();
            return Task.FromResult<string?>(null);
        });

    /// <summary>
    /// Chooses one algorithm's threshold for a metric on validation rows held out of the training rows
    /// (never the test rows), and sets it for the room as the card's "choose on validation rows" does.
    /// </summary>
    public Task<BestThresholdAnswer> FindBestThreshold(string? code, string? algorithmId, string? metric) =>
        ChooseThresholdAsync(code, algorithmId, BestThresholdAnswer.Refused, (room, id) =>
        {
            var chosen = HubArguments.Metric(metric);
            return async token =>
            {
                var found = await room.Thresholds.FindAsync(room.View, id, chosen, token);
                return (found.Choice.Threshold, set => new BestThresholdAnswer(found, set));
            };
        });

    /// <summary>
    /// Chooses one algorithm's threshold with the lowest expected cost per row for the room's costs, on validation rows
    /// held out of the training rows (never the test rows), and sets it for the room, as the card's "lowest cost" does.
    /// </summary>
    public Task<LowestCostAnswer> FindLowestCostThreshold(string? code, string? algorithmId) =>
        ChooseThresholdAsync(code, algorithmId, LowestCostAnswer.Refused, (room, id) => async token =>
        {
            var found = await room.Thresholds.FindLowestCostAsync(room.View, id, token);
            return (found.Choice.Threshold, set => new LowestCostAnswer(found, set));
        });

    /// <summary>
    /// A threshold search then SetThreshold, with the permission checked first (searching is a fit): the search answers
    /// the threshold and how to answer once it is set (with SetThreshold's refusal, if any).
    /// </summary>
    private async Task<T> ChooseThresholdAsync<T>(string? code, string? algorithmId, Func<string, T> refused,
        Func<IRoom, string, Func<CancellationToken, Task<(double Threshold, Func<string?, T> Answer)>>> search)
    {
        if (string.IsNullOrWhiteSpace(code)) return refused(NoCode);
        var room = rooms.Find(code);
        if (room is null || !Joined.TryGetValue(room.Code, out var member)) return refused("Join the room before sending it commands.");
        try
        {
            var id = HubArguments.Required(algorithmId, "the algorithm's id");
            var run = search(room, id);
            if (RoomRules.Refusal(room.View.State, new SetThreshold(member, id, AlgorithmSeat.DefaultThreshold)) is { } refusal) return refused(refusal);
            var (threshold, answer) = await run(Context.ConnectionAborted);
            return answer(await room.ExecuteAsync(new SetThreshold(member, id, threshold)));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return refused(Components.Shared.UserMessage.From(exception));
        }
    }

    /// <summary>
    /// Explains one card's score of one test row: each original column's contribution from the average output to this
    /// row's output, with the model of the card's latest result. <paramref name="testRow"/> is the row's position in the
    /// result's <c>testScores</c> (0-based); the answer names its row in the data set. Changes nothing; any member may ask.
    /// </summary>
    public async Task<ExplanationAnswer> ExplainRow(string? code, string? algorithmId, int testRow)
    {
        if (string.IsNullOrWhiteSpace(code)) return ExplanationAnswer.Refused(NoCode);
        var room = rooms.Find(code);
        if (room is null || !Joined.ContainsKey(room.Code)) return ExplanationAnswer.Refused("Join the room before asking it for explanations.");
        try
        {
            var id = HubArguments.Required(algorithmId, "the algorithm's id");
            return new ExplanationAnswer(await room.ExplainAsync(id, testRow, Context.ConnectionAborted), null);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return ExplanationAnswer.Refused(Components.Shared.UserMessage.From(exception));
        }
    }

    public Task<string?> SetAlgorithm(string? code, string? algorithmId, JsonElement? hyperparameters, JsonElement? classWeight) =>
        SendAsync(code, member => new SetAlgorithm(member, HubArguments.Required(algorithmId, "the algorithm's id"),
            HubArguments.Hyperparameters(hyperparameters), HubArguments.ClassWeight(classWeight)));

    /// <summary>Adds a card for a catalog classifier the room does not have yet; only it trains, on the current rows.</summary>
    public Task<string?> AddAlgorithm(string? code, string? algorithmId) =>
        SendAsync(code, member => new AddAlgorithm(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    /// <summary>Removes an added card (the four course algorithms stay).</summary>
    public Task<string?> RemoveAlgorithm(string? code, string? algorithmId) =>
        SendAsync(code, member => new RemoveAlgorithm(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    /// <summary>Host only: what a false negative and a false positive cost (each a number above 0).</summary>
    public Task<string?> SetCosts(string? code, double falseNegative, double falsePositive) =>
        SendAsync(code, member => new SetCosts(member, falseNegative, falsePositive));

    /// <summary>Marks the column whose groups every card's fairness table compares (null or empty: none); nothing retrains.</summary>
    public Task<string?> SetSensitiveColumn(string? code, string? column) =>
        SendAsync(code, member => new SetSensitiveColumn(member, string.IsNullOrWhiteSpace(column) ? null : column));

    /// <summary>Leaves the sensitive column and its possible proxies out of the features (false: puts them back); the data set loads again and every card retrains.</summary>
    public Task<string?> SetProxiesLeftOut(string? code, bool leaveOut) =>
        SendAsync(code, member => new SetProxiesLeftOut(member, leaveOut));

    public Task<string?> SelectDataset(string? code, JsonElement? dataset) =>
        SendAsync(code, member => new SelectDataset(member, HubArguments.Dataset(dataset)));

    /// <summary>Sets one algorithm's threshold for the whole room (its seat holder or the host; only the host in classroom mode).</summary>
    public Task<string?> SetThreshold(string? code, string? algorithmId, double threshold) =>
        SendAsync(code, member => new SetThreshold(member, HubArguments.Required(algorithmId, "the algorithm's id"), HubArguments.Finite(threshold, "The threshold")));

    /// <summary>For a numeric target: the relevance a value must reach to count as rare (null: the default 0.5); the room reloads at it and retrains its baseline.</summary>
    public Task<string?> SetRelevanceThreshold(string? code, double? threshold) => SendAsync(code, member => new SetRelevanceThreshold(member, threshold));

    public Task<string?> SetLeakyMode(string? code, bool leaky) => SendAsync(code, member => new SetLeakyMode(member, leaky));

    public Task<string?> ClaimSeat(string? code, string? algorithmId) =>
        SendAsync(code, member => new ClaimSeat(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    public Task<string?> ReleaseSeat(string? code, string? algorithmId) =>
        SendAsync(code, member => new ReleaseSeat(member, HubArguments.Required(algorithmId, "the algorithm's id")));

    public Task<string?> SetHostOnlyControls(string? code, bool hostOnly) => SendAsync(code, member => new SetHostOnlyControls(member, hostOnly));

    /// <summary>A closed connection leaves every room it joined: its member is away, keeping role and seat for the grace period.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (code, member) in Joined)
        {
            if (rooms.Find(code) is { } room) await room.ExecuteAsync(new LeaveRoom(member));
        }
        await base.OnDisconnectedAsync(exception);
    }

    private static string? MemberKeyProblem(string? memberKey) =>
        memberKey is null || RoomRules.IsMemberKey(memberKey) ? null
            : "A member key is 16 to 64 letters, digits, '-' or '_' (keep a random one, e.g. a GUID without dashes), or null.";

    private async Task<RoomEntry> EnterAsync(IRoom room, string? displayName, string? memberKey, bool asHost)
    {
        // The key stays a secret of this client: the room (and every member) sees only the id made from it.
        var member = memberKey is null ? Context.ConnectionId : MemberIds.FromKey(memberKey);
        if (Joined.TryGetValue(room.Code, out var already) && already != member)
        {
            return RoomEntry.Refused("This connection has joined that room as another member already. Use a new connection for another member.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, room.Code);
        Joined[room.Code] = member;
        if (await room.ExecuteAsync(new EnterRoom(member, displayName ?? "API client", asHost)) is { } refusal) return RoomEntry.Refused(refusal);
        return new RoomEntry(room.Code, room.View, null);
    }

    /// <summary>Builds the command from the client's arguments and queues it; a bad argument is refused with its sentence.</summary>
    private Task<string?> SendAsync(string? code, Func<string, RoomCommand> command) =>
        WithRoomAsync(code, (room, member) => room.ExecuteAsync(command(member)));

    /// <summary>Runs an action on a room this connection joined, as its member; a bad argument is refused with its sentence.</summary>
    private async Task<string?> WithRoomAsync(string? code, Func<IRoom, string, Task<string?>> action)
    {
        if (string.IsNullOrWhiteSpace(code)) return NoCode;
        var room = rooms.Find(code);
        if (room is null || !Joined.TryGetValue(room.Code, out var member)) return "Join the room before sending it commands.";
        Task<string?> answer;
        try
        {
            answer = action(room, member);
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
        return await answer;
    }

    private string Address => ClientAddress.KeyOf(Context.GetHttpContext());

    /// <summary>The rooms this connection joined, with the member it is in each.</summary>
    private Dictionary<string, string> Joined =>
        (Dictionary<string, string>)(Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : Context.Items[JoinedKey] = new Dictionary<string, string>());
}
