using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One algorithm card of a room: its settings, the member who tunes it (null: anyone), and its
/// decision threshold, which every view of the room uses (cards, comparison, history, stored runs).
/// </summary>
public sealed record AlgorithmSeat(string AlgorithmId, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight, string? HolderId = null,
    double Threshold = AlgorithmSeat.DefaultThreshold)
{
    public const double DefaultThreshold = 0.5;

    public AlgorithmSettings ToSettings() => new(AlgorithmCatalog.Get(AlgorithmId), Hyperparameters, ClassWeight);
}
