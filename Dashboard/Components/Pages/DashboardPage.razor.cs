using Dashboard.Components.Cards;
using Dashboard.Components.Charts;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;
using Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Components.Pages;

/// <summary>
/// The dashboard: one room's data, sliders, algorithm cards and comparison, live. Opened at "/" it
/// makes a room of its own for this tab (closed with the tab); at "/room/{code}" it shows a shared room.
/// </summary>
public partial class DashboardPage : IHandleEvent
{
    private const string NameKey = "imbalance-dashboard.name";
    private const string MemberKey = "imbalance-dashboard.member";

    // The browser keeps the member key (and the display name), so a reconnect, a visit to History or
    // a second tab is the same member: the host stays host.
    private string _memberId = Guid.NewGuid().ToString("N");
    // Read once per circuit, started as the first room is found or made; answers the write of a new key (see ReadMemberAsync).
    private Task<Task>? _memberRead;
    private string _name = "";
    private bool _entered;

    // True once this member has entered the room under its own key: the room's controls show only
    // then, so no command is ever sent under a passing id.
    private bool _inRoom;
    private bool _created;
    private IRoom? _room;
    private IDisposable? _subscription;
    private string? _notFound;
    private RedrawThrottle? _redraw;

    // False until the page has drawn itself in the room once: that first render stops at the cards (what a visitor waits
    // for), and the panels below them (fairness, comparison charts, runs) follow in the next render, a moment later. The
    // whole page at once was one 0.7 MB batch and about 0.2 s of server time before any card showed.
    private bool _belowCardsShown;

    // True for the one render that shows a move's results (the result that leaves no card training): it draws the cards,
    // the training line and errors, and holds the rest of the page (HeldContent) as it was; the render after it, started as
    // soon as the browser has taken in the first, brings the rest. The cards are what a student waits for: drawn alone
    // they cost the server less than half the page's render and the browser less than half the changes.
    private bool _cardsFirst;

    // The confusion-matrix cell whose test rows are listed (and explained) below the cards; null: none.
    private Explanations.CellChoice? _cellChoice;

    /// <summary>The page's one redraw throttle: a burst of room events (four results) costs one render.</summary>
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How long the first redraw after a quiet spell gathers what else arrives: a position answered from the cache
    /// brings its slider's handler, the room's events and the run's end within a few milliseconds, one render
    /// of this large page instead of three (each costs about 0.1 s of server CPU).
    /// </summary>
    private static readonly TimeSpan RedrawGather = TimeSpan.FromMilliseconds(20);

    [Parameter]
    public string? Code { get; set; }

    /// <summary>
    /// Set only by the server's own warm-up (<see cref="Rooms.WarmStart"/>): render this room's page once, off any circuit,
    /// so the first visitor does not wait for the page's code to be compiled. Nothing is entered, subscribed or stored.
    /// </summary>
    [Parameter]
    public IRoom? WarmUpRoom { get; set; }

    [Inject]
    private RoomRegistry Rooms { get; set; } = default!;

    [Inject]
    private RoomNotifier Notifier { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>"/?replay=RUN" opens a new room set up as a stored run was made ("load these settings").</summary>
    [SupplyParameterFromQuery(Name = "replay")]
    public string? Replay { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ClientLimits ClientLimits { get; set; } = default!;

    [Inject]
    private CircuitClient Client { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (WarmUpRoom is { } warmUp)
        {
            (_room, _inRoom, _entered, _belowCardsShown) = (warmUp, true, true, true);
            return;
        }
        // "/" always opens a new room (NEW ROOM); "/room/CODE" of the room shown already changes nothing.
        if (_room is not null && Code is not null && _room.Code == RoomCode.Normalize(Code)) return;
        _subscription?.Dispose();
        if (_room is not null && _entered) _ = _room.ExecuteAsync(new LeaveRoom(_memberId));
        _entered = false;
        _inRoom = false;
        _notFound = null; // a wrong code tried before in this tab says nothing about this one
        _created = Code is null;
        // A first visit reads this browser's member key while the room is found or made, and enters before the page's
        // first render in it: no "joining" render and no round trip after it (they cost a first visit about 0.2 s).
        _memberRead ??= ReadMemberAsync();
        _room = _created ? await CreateRoomAsync() : await FindRoomAsync(Code!);
        if (_room is null) return;
        _redraw?.Dispose();
        var redraw = _redraw = new RedrawThrottle(RedrawInterval, TimeProvider.System, () => InvokeAsync(StateHasChanged), RedrawGather);
        // Never await the redraw inside the notifier: it would hold up every other listener. The throttle
        // is asked on this circuit's dispatcher (it is not locked against concurrent callers).
        _subscription = Notifier.Subscribe(_room.Code, roomEvent =>
        {
            if (roomEvent is RunNotStored notStored) _ = InvokeAsync(() => Snackbar.Add(notStored.Warning, Severity.Error));
            _ = InvokeAsync(() =>
            {
                if (roomEvent.CompletesWait) _cardsFirst = true;
                return redraw.RequestAsync(urgent: roomEvent.CompletesWait);
            });
            return Task.CompletedTask;
        });
        // A new room's own address, so Back from History or a reload comes back to it (this page stays, with the same room).
        if (_created) Navigation.NavigateTo($"/room/{_room.Code}", replace: true);
        var keeping = await _memberRead;
        // Whoever opens "/" makes the room and hosts it; a room opened by link is joined.
        _entered = true;
        await ExecuteAsync(new EnterRoom(_memberId, string.IsNullOrWhiteSpace(_name) ? "Guest" : _name, AsHost: _created));
        _inRoom = true;
        await keeping;
    }

    /// <summary>
    /// The name and the key this browser is known by in every room, in one round trip; the room knows the member by the
    /// id made from the key. A new key is made once and kept: answers the write of it, which need not be waited for
    /// before entering.
    /// </summary>
    private async Task<Task> ReadMemberAsync()
    {
        var stored = await JS.InvokeAsync<string?[]?>("dashboardMember.read", NameKey, MemberKey) ?? [];
        _name = stored.ElementAtOrDefault(0) ?? "";
        var storedKey = stored.ElementAtOrDefault(1);
        var key = RoomRules.IsMemberKey(storedKey) ? storedKey! : Guid.NewGuid().ToString("N");
        _memberId = MemberIds.FromKey(key);
        return key == storedKey ? Task.CompletedTask : JS.InvokeVoidAsync("localStorage.setItem", MemberKey, key).AsTask();
    }

    /// <summary>
    /// The page's own event handlers (a slider released, a seat claimed) redraw through the same throttle as the room's
    /// events, so a command and the events it causes are drawn together. As Blazor's default, a handler still running
    /// after its first step is drawn then too (e.g. a loading note), and again when it ends.
    /// </summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? argument)
    {
        var handling = callback.InvokeAsync(argument);
        if (!handling.IsCompleted) await RedrawAsync();
        await handling;
        await RedrawAsync();
    }

    private Task RedrawAsync()
    {
        if (_redraw is { } redraw) return redraw.RequestAsync();
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_inRoom && !_belowCardsShown)
        {
            // The room's first render drew all but the panels below the cards (content held for the cards is drawn in
            // full when it first appears): one more render brings them, also when results came in meanwhile.
            _belowCardsShown = true;
            _cardsFirst = false;
            StateHasChanged();
        }
        else if (_cardsFirst)
        {
            _cardsFirst = false;
            StateHasChanged();
        }
    }

    private async Task RenameAsync(string name)
    {
        _name = RoomRules.CleanName(name);
        await JS.InvokeVoidAsync("localStorage.setItem", NameKey, _name);
        await ExecuteAsync(new EnterRoom(_memberId, _name));
    }

    private bool IsHost(RoomState state) => state.Member(_memberId)?.IsHost == true;

    // The room's own permission function decides which controls are enabled, as it decides what it refuses.

    /// <summary>Whether this member may move sliders and change the data set (everyone, unless in classroom mode).</summary>
    private bool CanSteer(RoomState state) => RoomRules.Refusal(state, new MoveSlider(_memberId, RoomDefaults.ClassSliderId, null)) is null;

    /// <summary>Whether this member may change an algorithm's settings: its seat holder, or anyone who may steer when the seat is free.</summary>
    private bool CanTune(RoomState state, AlgorithmSeat seat) =>
        RoomRules.Refusal(state, new SetAlgorithm(_memberId, seat.AlgorithmId, seat.Hyperparameters, seat.ClassWeight)) is null;

    /// <summary>Whether this member may move an algorithm's room-wide threshold: its seat holder or the host (only the host in classroom mode).</summary>
    private bool CanSetThreshold(RoomState state, AlgorithmSeat seat) =>
        RoomRules.Refusal(state, new SetThreshold(_memberId, seat.AlgorithmId, seat.Threshold)) is null;

    /// <summary>The card's "best threshold" search; null (no control) for a regressor, which has no threshold.</summary>
    private Func<MetricId, CancellationToken, Task<ValidationThresholdResult>>? BestThresholdFinder(bool regression, string algorithmId) =>
        regression ? null : (metric, token) => _room!.Thresholds.FindAsync(_room.View, algorithmId, metric, token);

    /// <summary>The card's "lowest cost" search; null for a regressor.</summary>
    private Func<CancellationToken, Task<ValidationCostThresholdResult>>? LowestCostFinder(bool regression, string algorithmId) =>
        regression ? null : token => _room!.Thresholds.FindLowestCostAsync(_room.View, algorithmId, token);

    /// <summary>Whether this member may remove an added card (anyone who may steer; only the host in classroom mode).</summary>
    private bool CanRemove(RoomState state, AlgorithmSeat seat) => RoomRules.Refusal(state, new RemoveAlgorithm(_memberId, seat.AlgorithmId)) is null;

    /// <summary>Whether this member may set the room's costs (the host).</summary>
    private bool CanSetCosts(RoomState state) => RoomRules.Refusal(state, new SetCosts(_memberId, 1, 1)) is null;

    private bool CanSetSensitiveColumn(RoomState state) => RoomRules.Refusal(state, new SetSensitiveColumn(_memberId, null)) is null;

    /// <summary>A room by its code; wrong codes count against this browser's address like at the hub.</summary>
    private async Task<IRoom?> FindRoomAsync(string code)
    {
        (var room, _notFound) = await RoomLookup.FindAsync(Rooms, ClientLimits, Client.Address, code);
        return room;
    }

    private async Task<IRoom?> CreateRoomAsync()
    {
        if (ClientLimits.TryOpenRoom(Client.Address) is { } refusal)
        {
            _notFound = refusal;
            return null;
        }
        var runs = Services.GetService<Dashboard.Storage.RunStore>();
        var replay = Replay is null || runs is null ? null : await runs.GetReplayAsync(Replay, CancellationToken.None);
        if (replay is null) return await Rooms.CreateAsync();
        var state = new RoomState("", replay.Dataset, replay.Sliders, replay.Seats(), replay.Leaky) { Costs = replay.Costs };
        return await Rooms.CreateAsync(restored: state);
    }

    private Task SetThresholdAsync(string algorithmId, double threshold) => ExecuteAsync(new SetThreshold(_memberId, algorithmId, threshold));

    private Task MoveSliderAsync(string sliderId, double? share) => ExecuteAsync(new MoveSlider(_memberId, sliderId, share));

    private Task AddSliderAsync(string column) => ExecuteAsync(new AddSlider(_memberId, column));

    private Task SelectDatasetAsync(DatasetChoice choice) => ExecuteAsync(new SelectDataset(_memberId, choice));

    private Task SetLeakyAsync(bool leaky) => ExecuteAsync(new SetLeakyMode(_memberId, leaky));

    private Task SetAlgorithmAsync(AlgorithmSettingsChange change) =>
        ExecuteAsync(new SetAlgorithm(_memberId, change.AlgorithmId, change.Hyperparameters, change.ClassWeight));

    /// <summary>
    /// Sends a command to the room; a refusal is shown as a message, the page carries on. No render here: the handler
    /// that sent it redraws through the throttle (<see cref="IHandleEvent.HandleEventAsync"/>), so a position answered
    /// from the cache is one render with its results instead of one without them and one with.
    /// </summary>
    private async Task ExecuteAsync(RoomCommand command)
    {
        if (_room is null) return;
        var refusal = await _room.ExecuteAsync(command);
        if (refusal is not null) Snackbar.Add(refusal, Severity.Warning);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _redraw?.Dispose();
        // Leaving frees this tab's seat; an empty room is closed later by the janitor.
        if (_room is not null && _entered) await _room.ExecuteAsync(new LeaveRoom(_memberId));
    }
}
