using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>What every room of a server shares: events, data sets, training, the result cache, speculation's settings and the limits.</summary>
public sealed record RoomServices(RoomNotifier Notifier, WorkspaceCache Workspaces, MullerLoop Loop, TrainingSlots Slots, ResultCache Cache,
    Speculation Speculation, Security.SecurityOptions Limits);
