using Dashboard.Core.Rooms;

namespace Dashboard.Cluster;

/// <summary>
/// A room in the cluster, keyed by its code: it lives on exactly one server at a time, which hosts the room's
/// runner (reducer, runs, training slots) and keeps its state in the cluster's grain storage, so the room comes
/// back on another server when its own dies. Any server reaches it through this interface.
/// </summary>
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the room is open: true when it is (or was opened now). With <paramref name="dataset"/> a room that
    /// does not exist yet is created on it; with <paramref name="createOnly"/> an existing room answers false (its
    /// code is taken). Without a data set, a room stored earlier is reopened, else the answer is false.
    /// </summary>
    Task<bool> Open(DatasetChoice? dataset, RoomState? restored, bool createOnly);

    /// <summary>Applies a command: null, or the sentence why it was refused.</summary>
    Task<string?> Execute(RoomCommand command);

    /// <summary>Why a card scored one test row as it did, with the models this server holds (see <see cref="Rooms.RowExplanations"/>).</summary>
    Task<Core.Explanations.RowExplanation> Explain(string algorithmId, int testRow);

    /// <summary>The room as it is now (without the in-process parts: the featurized data and the resampled rows).</summary>
    Task<RoomView?> View();

    /// <summary>Sends the room's events (with the view after each) to another server until it unsubscribes or stops renewing.</summary>
    Task Subscribe(IRoomObserver observer);

    Task Unsubscribe(IRoomObserver observer);

    /// <summary>Closes the room on its server (the janitor's decision); its stored state stays.</summary>
    Task Close();
}

/// <summary>A server listening to rooms hosted elsewhere; it forwards what it hears to its own pages and hub clients.</summary>
public interface IRoomObserver : IGrainObserver
{
    Task OnEvent(RoomEvent roomEvent, RoomView view);
}
