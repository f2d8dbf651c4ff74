namespace Dashboard.Core.Rooms;

/// <summary>
/// Someone in a room, known by a member key their browser (or hub client) keeps, so a reconnect, a
/// page change or a second tab is the same member. The display name is shown as text only.
/// </summary>
/// <param name="Connections">Tabs or hub connections the member has in the room now; 0 while away.</param>
/// <param name="AwaySince">When the member's last connection left; they keep their role and seat for a grace period.</param>
public sealed record RoomMember(string Id, string DisplayName, bool IsHost, int Connections = 1, DateTimeOffset? AwaySince = null)
{
    public bool IsPresent => Connections > 0;
}
