using System.Collections.Concurrent;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;

namespace Dashboard.Cluster;

/// <summary>
/// This server's ear for rooms hosted elsewhere. For each such room a page or hub client here joined, it
/// keeps one <see cref="RemoteRoom"/> and one subscription at the room's grain (renewed, and made again when
/// the room moved to another server), and publishes what it hears to this server's <see cref="RoomNotifier"/>:
/// the pages and the hub group here get it as if the room were local, but storage does not (the hosting server
/// stores its runs). One copy of each event and view crosses the network per server, not per client.
/// </summary>
public sealed class RoomRelay(IGrainFactory grains, RoomNotifier notifier, WorkspaceCache workspaces, RoomRegistry registry, ILogger<RoomRelay> logger)
    : BackgroundService, IRoomObserver
{
    private readonly ConcurrentDictionary<string, RemoteRoom> _rooms = new();
    private IRoomObserver? _self;

    /// <summary>How often subscriptions are renewed (well within <see cref="RoomFanout.Lease"/>), which also finds a room that moved.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);

    private IRoomObserver Self => _self ??= grains.CreateObjectReference<IRoomObserver>(this);

    public RemoteRoom? Find(string code) => _rooms.GetValueOrDefault(code);

    /// <summary>The room hosted elsewhere, listened to from now on; null when it is closed.</summary>
    public async Task<RemoteRoom?> ListenAsync(string code)
    {
        if (_rooms.TryGetValue(code, out var known)) return known;
        var grain = grains.GetGrain<IRoomGrain>(code);
        await grain.Subscribe(Self);
        if (await grain.View() is not { } view) return null;
        var room = new RemoteRoom(code, grain, view, workspaces, registry.Services, () => registry.Hosted(code));
        await room.UpdateAsync(view);
        if (_rooms.TryAdd(code, room)) return room;
        room.Dispose();
        return _rooms[code];
    }

    public async Task OnEvent(RoomEvent roomEvent, RoomView view)
    {
        // The room's own server publishes its events itself; a room that moved here is heard from its runner.
        if (registry.IsHostedHere(roomEvent.RoomCode) || !_rooms.TryGetValue(roomEvent.RoomCode, out var room)) return;
        await room.UpdateAsync(view);
        await notifier.PublishAsync(roomEvent, relayed: true);
    }

    /// <summary>Forgets a room no client of this server uses any more.</summary>
    public async Task ForgetAsync(string code)
    {
        if (!_rooms.TryRemove(code, out var room)) return;
        room.Dispose();
        try
        {
            await grains.GetGrain<IRoomGrain>(code).Unsubscribe(Self);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Room {Room}: could not unsubscribe", code);
        }
    }

    // A server stopping (or failing to start) ends the loop quietly.
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await NextTickAsync(timer, stoppingToken))
        {
            foreach (var (code, room) in _rooms)
            {
                try
                {
                    // Renewing also reactivates a room whose server died: it comes back (here or elsewhere) from its saved state.
                    var grain = grains.GetGrain<IRoomGrain>(code);
                    await grain.Subscribe(Self);
                    if (await grain.View() is { } view) await room.UpdateAsync(view);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogInformation("Room {Room}: its server cannot be reached yet ({Problem}); trying again", code, exception.Message);
                }
            }
        }
    }
}
