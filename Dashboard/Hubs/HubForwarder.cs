using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Hubs;

/// <summary>Forwards every room event to that room's SignalR group: the hub's half of "one source, two kinds of listeners".</summary>
public sealed class HubForwarder(RoomNotifier notifier, IHubContext<TrainingHub, ITrainingClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(null, ForwardAsync);
        return Task.CompletedTask;
    }

    private Task ForwardAsync(RoomEvent roomEvent)
    {
        var group = hub.Clients.Group(roomEvent.RoomCode);
        return roomEvent switch
        {
            RoomStateChanged e => group.RoomStateChanged(e),
            RunStarted e => group.RunStarted(e),
            AlgorithmProgress e => group.AlgorithmProgress(e),
            AlgorithmCompleted e => group.AlgorithmCompleted(e),
            RunCompleted e => group.RunCompleted(e),
            RunCancelled e => group.RunCancelled(e),
            RunFailed e => group.RunFailed(e),
            RunNotStored e => group.RunNotStored(e),
            // Never dropped silently: an event type without a client method is a mistake the log must show.
            _ => throw new NotSupportedException($"{roomEvent.GetType().Name} has no client method: add it to ITrainingClient, here and to docs/hub.md."),
        };
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
