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
    private readonly ConcurrentDictionary<Guid, (string? Room, int Order, Func<RoomEvent, Task> Handler)> _listeners = new();

    /// <summary>Listen to one room's events (or every room's, with a null code).</summary>
    /// <param name="order">Listeners run one after another, lowest order first: storage uses
    /// <see cref="StorageOrder"/> so a run is committed before anyone hears it completed.</param>
    public IDisposable Subscribe(string? roomCode, Func<RoomEvent, Task> handler, int order = 0)
    {
        var id = Guid.NewGuid();
        _listeners[id] = (roomCode, order, handler);
        return new Subscription(() => _listeners.TryRemove(id, out _));
    }

    /// <summary>The order of the storage listener: before the hub and the pages.</summary>
    public const int StorageOrder = -100;

    public async Task PublishAsync(RoomEvent roomEvent)
    {
        foreach (var (room, _, handler) in _listeners.Values.OrderBy(l => l.Order))
        {
            if (room is not null && room != roomEvent.RoomCode) continue;
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
