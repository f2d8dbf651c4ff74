using Dashboard.Core.Rooms;

namespace Dashboard.Hubs;

/// <summary>What the server pushes to a SignalR client that joined a room (one method per event type).</summary>
public interface ITrainingClient
{
    Task RoomStateChanged(RoomStateChanged roomEvent);

    Task RunStarted(RunStarted roomEvent);

    Task AlgorithmProgress(AlgorithmProgress roomEvent);

    Task AlgorithmCompleted(AlgorithmCompleted roomEvent);

    Task RunCompleted(RunCompleted roomEvent);

    Task RunCancelled(RunCancelled roomEvent);

    Task RunFailed(RunFailed roomEvent);

    Task RunNotStored(RunNotStored roomEvent);
}
