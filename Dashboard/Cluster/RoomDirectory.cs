namespace Dashboard.Cluster;

/// <summary>What the <see cref="Rooms.RoomRegistry"/> asks of the cluster: open or close a room by code, and listen to one hosted elsewhere.</summary>
public sealed class RoomDirectory(IGrainFactory grains, RoomRelay relay)
{
    /// <summary>Opens the room wherever it lives (see <see cref="WhileMovingAsync{T}"/>).</summary>
    public Task<bool> OpenAsync(string code, Core.Rooms.DatasetChoice? dataset, Core.Rooms.RoomState? restored, bool createOnly) =>
        WhileMovingAsync(() => grains.GetGrain<IRoomGrain>(code).Open(dataset, restored, createOnly));

    /// <summary>
    /// A call to a room: a room whose server has just died answers "unavailable" until the cluster has declared that
    /// server dead (a few seconds); meanwhile the call is tried again, so a page reloading at once, a client rejoining
    /// or a slider moved on another server's page reaches the room on its new server instead of failing.
    /// </summary>
    public static async Task<T> WhileMovingAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + MovingWait;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static readonly TimeSpan MovingWait = TimeSpan.FromSeconds(30);

    public Task CloseAsync(string code) => grains.GetGrain<IRoomGrain>(code).Close();

    public Task<RemoteRoom?> ListenAsync(string code) => relay.ListenAsync(code);

    public RemoteRoom? Listening(string code) => relay.Find(code);
}
