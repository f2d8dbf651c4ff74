namespace Dashboard.Storage;

/// <summary>A room's latest state (table "Rooms"), so a room can be reopened by its code after a restart.</summary>
public sealed class RoomEntity
{
    public required string Code { get; set; }

    /// <summary>The state's version: an older state never overwrites a newer one.</summary>
    public int Version { get; set; }

    /// <summary>JSON of the <see cref="Core.Rooms.RoomState"/>.</summary>
    public required string StateJson { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }
}
