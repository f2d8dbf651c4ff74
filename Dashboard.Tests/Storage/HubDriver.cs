using System.Collections.Concurrent;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Storage;

/// <summary>A SignalR client of the training hub that keeps every run event it receives.</summary>
internal sealed class HubDriver : IAsyncDisposable
{
    private readonly HubConnection _hub;

    private HubDriver(HubConnection hub) => _hub = hub;

    public ConcurrentQueue<RoomEvent> Events { get; } = new();

    /// <summary>The connection itself, for hub methods this driver has no helper for.</summary>
    public HubConnection Connection => _hub;

    public static async Task<HubDriver> ConnectAsync(string baseUrl)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(baseUrl + TrainingHub.Path)
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        hub.ServerTimeout = TimeSpan.FromMinutes(2);
        var driver = new HubDriver(hub);
        hub.On<RunStarted>(nameof(ITrainingClient.RunStarted), e => driver.Events.Enqueue(e));
        hub.On<AlgorithmCompleted>(nameof(ITrainingClient.AlgorithmCompleted), e => driver.Events.Enqueue(e));
        hub.On<RunCompleted>(nameof(ITrainingClient.RunCompleted), e => driver.Events.Enqueue(e));
        hub.On<RunCancelled>(nameof(ITrainingClient.RunCancelled), e => driver.Events.Enqueue(e));
        hub.On<RunFailed>(nameof(ITrainingClient.RunFailed), e => driver.Events.Enqueue(e));
        hub.On<RunNotStored>(nameof(ITrainingClient.RunNotStored), e => driver.Events.Enqueue(e));
        await hub.StartAsync();
        return driver;
    }

    public async Task<string> CreateRoomAsync()
    {
        var entry = await _hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), null, null);
        return entry.Code ?? throw new InvalidOperationException(entry.Error);
    }

    /// <summary>Moves the class-balance slider; null when applied, else the refusal.</summary>
    public Task<string?> MoveClassSliderAsync(string room, double share) =>
        _hub.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), room, RoomDefaults.ClassSliderId, share);

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, int timeoutSeconds = 300) where T : RoomEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Events.OfType<T>().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException($"No {typeof(T).Name} within {timeoutSeconds} s; events: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
    }

    /// <summary>Waits for the run a change started (found by its reason) to finish; returns its id.</summary>
    public async Task<string> CompletedRunAsync(string room, string reason)
    {
        var started = await WaitForAsync<RunStarted>(e => e.RoomCode == room && e.Reason == reason);
        await WaitForAsync<RunCompleted>(e => e.RoomCode == room && e.RunId == started.RunId);
        return started.RunId;
    }

    /// <summary>Ids of the runs of a room whose RunCompleted arrived.</summary>
    public IReadOnlyList<string> CompletedRuns(string room) =>
        Events.OfType<RunCompleted>().Where(e => e.RoomCode == room).Select(e => e.RunId).ToList();

    public int AlgorithmResults(string room, string runId) => Events.OfType<AlgorithmCompleted>().Count(e => e.RoomCode == room && e.RunId == runId);

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();
}
