using Dashboard.Rooms;
using Dashboard.Security;

namespace Dashboard.Components.Pages;

/// <summary>Finds a room by the code in a page's address; wrong codes count against the browser's address as at the hub.</summary>
public static class RoomLookup
{
    /// <summary>The room (reopened from storage if it was closed), or null and the sentence to show instead.</summary>
    public static async Task<(IRoom? Room, string? Refusal)> FindAsync(RoomRegistry rooms, ClientLimits limits, string address, string code)
    {
        if (limits.RoomCodeRefusal(address) is { } refusal) return (null, refusal);
        var room = await rooms.FindOrReopenAsync(code);
        if (room is not null) return (room, null);
        limits.WrongRoomCode(address);
        return (null, $"There is no open room with the code '{code}'. Check the code, or open the dashboard's home page to start your own.");
    }
}
