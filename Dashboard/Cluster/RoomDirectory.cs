namespace Dashboard.Cluster;

/// <summary>What the <see cref="Rooms.RoomRegistry"/> asks of the cluster: open or close a room by code, and listen to one hosted elsewhere.</summary>
public sealed class RoomDirectory(IGrainFactory grains, RoomRelay relay)
{
    public Task<bool> OpenAsync(string code, Core.Rooms.DatasetChoice? dataset, Core.Rooms.RoomState? restored, bool createOnly) =>
        grains.GetGrain<IRoomGrain>(code).Open(dataset, restored, createOnly);

    public Task CloseAsync(string code) => grains.GetGrain<IRoomGrain>(code).Close();

    public Task<RemoteRoom?> ListenAsync(string code) => relay.ListenAsync(code);

    public RemoteRoom? Listening(string code) => relay.Find(code);
}
