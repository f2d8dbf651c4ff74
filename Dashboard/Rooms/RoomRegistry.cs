using System.Collections.Concurrent;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>The open rooms of this server, by join code. Each browser tab alone gets a room of its own.</summary>
public sealed class RoomRegistry(RoomNotifier notifier, WorkspaceCache workspaces, IOptions<DashboardOptions> options, ILoggerFactory loggers)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RoomRunner> _rooms = new();
    private readonly TrainingSlots _slots = new(options.Value.TrainingSlots > 0 ? options.Value.TrainingSlots : Environment.ProcessorCount);
    private MullerLoop? _loop;

    private MullerLoop Loop => _loop ??= new MullerLoop(_slots);

    public RoomRunner Create(DatasetChoice? dataset = null)
    {
        var settings = options.Value;
        dataset ??= new DatasetChoice(settings.DefaultDataset, SplitSeed: settings.SplitSeed, TestShare: settings.TestShare);
        while (true)
        {
            var code = RoomCode.New();
            var runner = new Lazy<RoomRunner>(() => new RoomRunner(code, dataset, notifier, workspaces, Loop, _slots, loggers.CreateLogger($"Room {code}")));
            if (_rooms.TryAdd(code, runner.Value)) return runner.Value;
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
