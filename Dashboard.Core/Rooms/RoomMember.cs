namespace Dashboard.Core.Rooms;

/// <summary>Someone in a room. The display name is shown as text only, never as HTML.</summary>
public sealed record RoomMember(string Id, string DisplayName, bool IsHost);
