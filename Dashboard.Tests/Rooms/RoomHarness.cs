using System.Collections.Concurrent;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Rooms;

/// <summary>A room registry with real data and training, recording every event it publishes.</summary>
internal sealed class RoomHarness : IAsyncDisposable
{
    /// <param name="speculationIdleSeconds">When rooms start training likely next positions (0: never, as by default in tests).</param>
    public RoomHarness(IRoomStore? store = null, double speculationIdleSeconds = 0)
    {
        DataFolder = Directory.CreateTempSubdirectory("dashboard-tests-").FullName;
        var options = Options.Create(new DashboardOptions { DataFolder = DataFolder, SpeculationIdleSeconds = speculationIdleSeconds });
        var limits = Options.Create(DataLimits.Default);
        Notifier = new RoomNotifier(NullLogger<RoomNotifier>.Instance);
        Uploads = new UploadStore(options, limits);
        Registry = new RoomRegistry(Notifier, new WorkspaceCache(new ServerDatasets(Uploads, limits)), options, NullLoggerFactory.Instance, store);
        Notifier.Subscribe(null, e =>
        {
            Events.Enqueue(e);
            return Task.CompletedTask;
        });
    }

    public string DataFolder { get; }

    public RoomNotifier Notifier { get; }

    public UploadStore Uploads { get; }

    public RoomRegistry Registry { get; }

    public ConcurrentQueue<RoomEvent> Events { get; } = new();

    /// <summary>Waits until an event matching the predicate has been published.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, int timeoutSeconds = 120, int skip = 0) where T : RoomEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = Events.ToArray().OfType<T>().Where(e => match?.Invoke(e) ?? true).Skip(skip).FirstOrDefault();
            if (found is not null) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No {typeof(T).Name} within {timeoutSeconds} s. Events: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
    }

    /// <summary>Waits for a run's RunCompleted and returns its AlgorithmCompleted events.</summary>
    public async Task<IReadOnlyList<AlgorithmCompleted>> CompletedRunAsync(string roomCode, Func<RunStarted, bool>? which = null, int skip = 0)
    {
        var started = await WaitForAsync<RunStarted>(e => e.RoomCode == roomCode && (which?.Invoke(e) ?? true), skip: skip);
        await WaitForAsync<RunCompleted>(e => e.RoomCode == roomCode && e.RunId == started.RunId);
        return Events.OfType<AlgorithmCompleted>().Where(e => e.RoomCode == roomCode && e.RunId == started.RunId).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}
