using Dashboard.Core.Rooms;

namespace Dashboard.Rooms;

/// <summary>
/// A room as the page and the hub use it, wherever it runs: <see cref="RoomRunner"/> when this server hosts
/// it, <see cref="Cluster.RemoteRoom"/> when another server of the cluster does (commands travel to it, its
/// views and events come back once per server).
/// </summary>
public interface IRoom
{
    string Code { get; }

    /// <summary>The room as it is now; a new object after every change.</summary>
    RoomView View { get; }

    /// <summary>Completes at the room's next change.</summary>
    Task NextChange { get; }

    /// <summary>Applies a command; completes with null, or with the sentence saying why it was refused.</summary>
    Task<string?> ExecuteAsync(RoomCommand command);

    RoomSweeps Sweeps { get; }

    ThresholdSearches Thresholds { get; }

    /// <summary>Why a card scored one test row as it did (computed where the room's models are: its hosting server).</summary>
    /// <exception cref="InvalidOperationException">Nothing to explain yet, or the room explains too many rows at once.</exception>
    /// <exception cref="ArgumentException">No such card or test row.</exception>
    Task<Core.Explanations.RowExplanation> ExplainAsync(string algorithmId, int testRow, CancellationToken cancellationToken);
}
