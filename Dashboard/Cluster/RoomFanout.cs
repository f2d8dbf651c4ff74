using System.Collections.Concurrent;
using System.Threading.Channels;
using Dashboard.Core.Rooms;

namespace Dashboard.Cluster;

/// <summary>
/// The servers listening to one room: each gets every event in order through its own queue, so a slow or
/// lost server never holds up the room or the others. A server that stops renewing, or cannot be reached,
/// is dropped (its relay subscribes again when it is back).
/// </summary>
internal sealed class RoomFanout(string code, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<IRoomObserver, Listener> _listeners = new();

    /// <summary>How long a subscription lasts without renewal (relays renew well within it).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public void Add(IRoomObserver observer) =>
        _listeners.AddOrUpdate(observer, o => new Listener(this, o), (_, listener) => listener.Renewed());

    public void Remove(IRoomObserver observer)
    {
        if (_listeners.TryRemove(observer, out var listener)) listener.Stop();
    }

    public void Send(RoomEvent roomEvent, RoomView view)
    {
        foreach (var (observer, listener) in _listeners)
        {
            if (DateTimeOffset.UtcNow - listener.RenewedAt > Lease || !listener.Queue(roomEvent, view)) Remove(observer);
        }
    }

    public void Dispose()
    {
        foreach (var observer in _listeners.Keys) Remove(observer);
    }

    private sealed class Listener
    {
        private readonly Channel<(RoomEvent, RoomView)> _queue = Channel.CreateBounded<(RoomEvent, RoomView)>(
            new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        public Listener(RoomFanout fanout, IRoomObserver observer)
        {
            _ = Task.Run(async () =>
            {
                await foreach (var (roomEvent, view) in _queue.Reader.ReadAllAsync())
                {
                    try
                    {
                        await observer.OnEvent(roomEvent, view);
                    }
                    catch (Exception exception)
                    {
                        fanout.Remove(observer);
                        fanout.Dropped(exception);
                        return;
                    }
                }
            });
        }

        public DateTimeOffset RenewedAt { get; private set; } = DateTimeOffset.UtcNow;

        public Listener Renewed()
        {
            RenewedAt = DateTimeOffset.UtcNow;
            return this;
        }

        public bool Queue(RoomEvent roomEvent, RoomView view) => _queue.Writer.TryWrite((roomEvent, view));

        public void Stop() => _queue.Writer.TryComplete();
    }

    private void Dropped(Exception exception) =>
        logger.LogInformation("Room {Room}: a listening server could not be reached and was dropped ({Problem})", code, exception.Message);
}
