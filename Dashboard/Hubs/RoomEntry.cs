using Dashboard.Core.Rooms;

namespace Dashboard.Hubs;

/// <summary>
/// The answer to CreateRoom and JoinRoom: the room's code and whole current state, or, when refused,
/// only <see cref="Error"/>, the sentence saying why (a wrong code, too many tries, a limit).
/// </summary>
public sealed record RoomEntry(string? Code, RoomView? View, string? Error)
{
    public static RoomEntry Refused(string error) => new(null, null, error);
}
