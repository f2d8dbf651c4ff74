using System.Collections.Concurrent;
using Dashboard.Core.Rooms;

namespace Dashboard.Rooms;

/// <summary>
/// The one source of room events. Blazor circuits subscribe to a room; the SignalR forwarder
/// subscribes to every room. A subscription is an <see cref="IDisposable"/>: dispose it to stop.
/// A failing listener is logged and never stops the others.
/// </summary>
public sealed class RoomNotifier(ILogger<RoomNotifier> logger)
{
    private readonly ConcurrentDictionary<Guid, (string? Room, int Order, bool OriginOnly, Func<RoomEvent, Task> Handler)> _listeners = new();

    /// <summary>Listen to one room's events (or every room's, with a null code).</summary>
    /// <param name="order">Listeners run one after another, lowest order first: storage uses
    /// <see cref="StorageOrder"/> so a run is committed before anyone hears it completed.</param>
    /// <param name="originOnly">Only events of rooms this server hosts (storage, and the relay to other servers), not
    /// those relayed from a room hosted elsewhere.</param>
    public IDisposable Subscribe(string? roomCode, Func<RoomEvent, Task> handler, int order = 0, bool originOnly = false)
    {
        var id = Guid.NewGuid();
        _listeners[id] = (roomCode, order, originOnly, handler);
        return new Subscription(() => _listeners.TryRemove(id, out _));
    }

    /// <summary>The order of the storage listener: before the hub and the pages.</summary>
    public const int StorageOrder = -100;

    /// <summary>The order of the relay to other servers: after storage, so a run they hear completed is stored.</summary>
    public const int RelayOrder = StorageOrder + 1;

    /// <param name="relayed">The event of a room hosted by another server (which stores it and relays it itself).</param>
    public async Task PublishAsync(RoomEvent roomEvent, bool relayed = false)
    {
        foreach (var (room, _, originOnly, handler) in _listeners.Values.OrderBy(l => l.Order))
        {
            if ((room is not null && room != roomEvent.RoomCode) || (relayed && originOnly)) continue;
            try
            {
                await handler(roomEvent);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "A listener failed on {Event} in room {Room}", roomEvent.GetType().Name, roomEvent.RoomCode);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
