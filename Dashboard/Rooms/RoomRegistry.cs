using System.Collections.Concurrent;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>
/// The rooms this server's pages and hub clients use, by join code. Each browser tab alone gets a room of its own.
/// In the web server every room is a grain of the cluster (<see cref="Cluster.IRoomGrain"/>, a cluster of one by
/// default): the grain hosts its runner here (<see cref="Host"/>) or on another server (then a
/// <see cref="Cluster.RemoteRoom"/> stands for it). Without a cluster (the command line's benches, runner tests) rooms
/// are runners of this process only.
/// </summary>
public sealed class RoomRegistry(RoomNotifier notifier, WorkspaceCache workspaces, IOptions<DashboardOptions> options, ILoggerFactory loggers,
    Storage.IRoomStore? store = null, IOptions<Security.SecurityOptions>? security = null, ResultCache? cache = null,
    IServiceProvider? services = null)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RoomRunner> _rooms = new();

    // Resolved when first needed: the room grains and the relay need this registry themselves.
    private Cluster.RoomDirectory? Directory => services?.GetService<Cluster.RoomDirectory>();
    private readonly TrainingSlots _slots = new(options.Value.TrainingSlots > 0 ? options.Value.TrainingSlots : Environment.ProcessorCount);
    private MullerLoop? _loop;

    /// <summary>Results and resampled rows every room of this server shares (a position visited before answers at once).</summary>
    public ResultCache Cache { get; } = cache ?? new ResultCache();

    /// <summary>The fair training slots of this server, shared by every room (and the warm start).</summary>
    public TrainingSlots Slots => _slots;

    public MullerLoop Loop => _loop ??= new MullerLoop(_slots);

    /// <summary>What speculation trained on this server, and how much CPU it took.</summary>
    public SpeculationStats SpeculationStats { get; } = new();

    private RoomServices? _services;

    public RoomServices Services => _services ??= new RoomServices(notifier, workspaces, Loop, _slots, Cache,
        new Speculation(TimeSpan.FromSeconds(options.Value.SpeculationIdleSeconds), SpeculationStats), security?.Value ?? new Security.SecurityOptions());


    /// <summary>A new room, hosted on this server; with <paramref name="restored"/>, set up as that state (a replayed run's settings).</summary>
    /// <param name="beforeOpening">Called with the new room's code before the room opens, e.g. to put a hub connection in
    /// the room's group so it hears the room's very first events (its baseline may be answered from the cache at once).</param>
    /// <param name="codeTaken">Called when that code turned out to be another server's room, before another code is drawn.</param>
    public async Task<IRoom> CreateAsync(DatasetChoice? dataset = null, RoomState? restored = null,
        Func<string, Task>? beforeOpening = null, Func<string, Task>? codeTaken = null)
    {
        dataset ??= restored?.Dataset ?? DefaultDataset;
        while (true)
        {
            var code = RoomCode.New();
            if (_rooms.ContainsKey(code)) continue;
            if (beforeOpening is not null) await beforeOpening(code);
            var state = restored is null ? null : restored with { Code = code };
            if (Directory is not { } directory)
            {
                if (TryOpenHere(code, dataset, state) is { } runner) return runner;
            }
            // A code another server of the cluster uses already answers false: draw again.
            else if (await directory.OpenAsync(code, dataset, state, createOnly: true) && await LocateAsync(directory, code) is { } room)
            {
                return room;
            }
            if (codeTaken is not null) await codeTaken(code);
        }
    }

    /// <summary>A new room of this process alone (no cluster: the command line's benches).</summary>
    public RoomRunner Create(DatasetChoice? dataset = null, RoomState? restored = null)
    {
        dataset ??= restored?.Dataset ?? DefaultDataset;
        while (true)
        {
            var code = RoomCode.New();
            if (TryOpenHere(code, dataset, restored is null ? null : restored with { Code = code }) is { } runner) return runner;
        }
    }

    private RoomRunner? TryOpenHere(string code, DatasetChoice dataset, RoomState? restored)
    {
        if (_rooms.ContainsKey(code)) return null;
        var runner = NewRunner(code, dataset, restored);
        if (_rooms.TryAdd(code, runner)) return runner;
        _ = runner.DisposeAsync();
        return null;
    }

    /// <summary>An open room, or a closed one reopened from storage by the same code; null when there is none.</summary>
    public async Task<IRoom?> FindOrReopenAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (Find(code) is { } open) return open;
        if (RoomCode.Normalize(code) is not { } normal) return null;
        if (Directory is { } directory)
        {
            return await directory.OpenAsync(normal, dataset: null, restored: null, createOnly: false) ? await LocateAsync(directory, normal) : null;
        }
        if (store is null) return null;
        var saved = await store.LoadAsync(normal, cancellationToken);
        if (saved is null) return null;
        var runner = NewRunner(normal, saved.Dataset, saved);
        if (_rooms.TryAdd(normal, runner)) return runner;
        await runner.DisposeAsync();
        return Find(normal);
    }

    private RoomRunner NewRunner(string code, DatasetChoice dataset, RoomState? restored, bool live = false, RoomLog? log = null)
    {
        if (!IsNameable(dataset.Source))
        {
            // A room or run stored before data sets were names only may hold a file path: it opens on the
            // default data set instead (its old settings belonged to that file).
            loggers.CreateLogger<RoomRegistry>().LogWarning("Room {Room}: its stored data set is not a bundled name or an upload; opened on the default", code);
            dataset = DefaultDataset;
            restored = null;
        }
        return new(code, dataset, Services, loggers.CreateLogger($"Room {code}"), restored, live, log);
    }

    /// <summary>The data set a new room opens on (configuration: Dashboard:DefaultDataset, SplitSeed, TestShare).</summary>
    public DatasetChoice DefaultDataset =>
        new(options.Value.DefaultDataset, SplitSeed: options.Value.SplitSeed, TestShare: options.Value.TestShare);

    private static bool IsNameable(string? source)
    {
        try
        {
            Core.Data.DatasetSource.Check(source);
            return true;
        }
        catch (Core.Data.DatasetException)
        {
            return false;
        }
    }

    /// <summary>The room's runner when this server hosts it, else the stand-in listening to its server.</summary>
    private async Task<IRoom?> LocateAsync(Cluster.RoomDirectory directory, string code) =>
        Hosted(code) ?? (IRoom?)await directory.ListenAsync(code);

    /// <summary>Rooms this server hosts.</summary>
    public IReadOnlyCollection<RoomRunner> Open => _rooms.Values.ToArray();

    /// <summary>A room this server hosts or listens to (a member of it is here); null otherwise.</summary>
    public IRoom? Find(string? code) =>
        RoomCode.Normalize(code) is not { } normal ? null : (IRoom?)Hosted(normal) ?? Directory?.Listening(normal);

    /// <summary>The room's runner when this server hosts it.</summary>
    public RoomRunner? Hosted(string code) => _rooms.GetValueOrDefault(code);

    public bool IsHostedHere(string code) => _rooms.ContainsKey(code);

    /// <summary>Starts hosting a room here: called by its grain when it activates on this server.</summary>
    /// <param name="live">The room was open a moment ago on a server that died (it keeps its members and seats).</param>
    public RoomRunner Host(string code, DatasetChoice dataset, RoomState? restored, bool live = false, RoomLog? log = null)
    {
        var runner = NewRunner(code, dataset, restored, live, log);
        if (_rooms.TryAdd(code, runner)) return runner;
        _ = runner.DisposeAsync();
        return _rooms[code];
    }

    /// <summary>Stops hosting a room here: called by its grain when it deactivates.</summary>
    public async Task ReleaseAsync(string code)
    {
        if (_rooms.TryRemove(code, out var room)) await room.DisposeAsync();
    }

    /// <summary>Closes a room (the janitor's decision): in a cluster through its grain, which then releases it here.</summary>
    public async Task CloseAsync(string code)
    {
        if (Directory is { } directory) await directory.CloseAsync(code);
        else await ReleaseAsync(code);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var code in _rooms.Keys.ToArray()) await ReleaseAsync(code);
    }
}
