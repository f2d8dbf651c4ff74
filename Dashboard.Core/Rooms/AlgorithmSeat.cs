using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>One algorithm card of a room: its settings, and the member who tunes it (null: anyone).</summary>
public sealed record AlgorithmSeat(string AlgorithmId, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight, string? HolderId = null)
{
    public AlgorithmSettings ToSettings() => new(AlgorithmCatalog.Get(AlgorithmId), Hyperparameters, ClassWeight);
}
