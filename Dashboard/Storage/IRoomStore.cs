using Dashboard.Core.Rooms;

namespace Dashboard.Storage;

/// <summary>Rooms' latest states by join code, so that a room survives a restart and can be reopened.</summary>
public interface IRoomStore
{
    /// <summary>Keeps the state unless a newer version of the room is already stored.</summary>
    Task SaveAsync(RoomState state, CancellationToken cancellationToken);

    /// <summary>The room's latest stored state, or null when no room with that code was stored.</summary>
    Task<RoomState?> LoadAsync(string code, CancellationToken cancellationToken);

    /// <summary>Writes the state as <see cref="SaveAsync"/> does and rolls it back (the warm start's rehearsal); by default nothing.</summary>
    Task RehearseAsync(RoomState state, CancellationToken cancellationToken) => Task.CompletedTask;
}
