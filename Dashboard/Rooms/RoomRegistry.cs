using System.Collections.Concurrent;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>The open rooms of this server, by join code. Each browser tab alone gets a room of its own.</summary>
public sealed class RoomRegistry(RoomNotifier notifier, WorkspaceCache workspaces, IOptions<DashboardOptions> options, ILoggerFactory loggers,
    Storage.IRoomStore? store = null, IOptions<Security.SecurityOptions>? security = null, ResultCache? cache = null)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RoomRunner> _rooms = new();
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

    private RoomServices Services => _services ??= new RoomServices(notifier, workspaces, Loop, _slots, Cache,
        new Speculation(TimeSpan.FromSeconds(options.Value.SpeculationIdleSeconds), SpeculationStats), security?.Value ?? new Security.SecurityOptions());


    /// <summary>A new room; with <paramref name="restored"/>, set up as that state (a replayed run's settings).</summary>
    public RoomRunner Create(DatasetChoice? dataset = null, RoomState? restored = null)
    {
        dataset ??= restored?.Dataset ?? DefaultDataset;
        while (true)
        {
            var code = RoomCode.New();
            if (_rooms.ContainsKey(code)) continue;
            var runner = NewRunner(code, dataset, restored is null ? null : restored with { Code = code });
            if (_rooms.TryAdd(code, runner)) return runner;
            _ = runner.DisposeAsync();
        }
    }

    /// <summary>An open room, or a closed one reopened from storage by the same code; null when there is none.</summary>
    public async Task<RoomRunner?> FindOrReopenAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (Find(code) is { } open) return open;
        if (store is null || RoomCode.Normalize(code) is not { } normal) return null;
        var saved = await store.LoadAsync(normal, cancellationToken);
        if (saved is null) return null;
        var runner = NewRunner(normal, saved.Dataset, saved);
        if (_rooms.TryAdd(normal, runner)) return runner;
        await runner.DisposeAsync();
        return Find(normal);
    }

    private RoomRunner NewRunner(string code, DatasetChoice dataset, RoomState? restored)
    {
        if (!IsNameable(dataset.Source))
        {
            // A room or run stored before data sets were names only may hold a file path: it opens on the
            // default data set instead (its old settings belonged to that file).
            loggers.CreateLogger<RoomRegistry>().LogWarning("Room {Room}: its stored data set is not a bundled name or an upload; opened on the default", code);
            dataset = DefaultDataset;
            restored = null;
        }
        return new(code, dataset, Services, loggers.CreateLogger($"Room {code}"), restored);
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

    public IReadOnlyCollection<RoomRunner> Open => _rooms.Values.ToArray();

    public RoomRunner? Find(string? code) => RoomCode.Normalize(code) is { } normal && _rooms.TryGetValue(normal, out var room) ? room : null;

    public async Task CloseAsync(string code)
    {
        if (_rooms.TryRemove(code, out var room)) await room.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var code in _rooms.Keys.ToArray()) await CloseAsync(code);
    }
}
