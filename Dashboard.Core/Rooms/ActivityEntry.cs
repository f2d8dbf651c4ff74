namespace Dashboard.Core.Rooms;

/// <summary>One line of a room's "who changed what" feed.</summary>
public sealed record ActivityEntry(DateTimeOffset At, string Who, string What);
