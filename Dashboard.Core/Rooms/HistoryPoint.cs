using Dashboard.Core.Metrics;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One algorithm's result at one slider position: the history chart plots these, so moving a slider
/// draws how the distribution change affects each model.
/// </summary>
/// <param name="SliderId">The slider that moved last (null for the baseline).</param>
/// <param name="Position">That slider's focus-group share of the training rows after resampling.</param>
public sealed record HistoryPoint(
    string RunId,
    string AlgorithmId,
    string? SliderId,
    string SliderLabel,
    double Position,
    BinaryMetrics Metrics,
    bool Leaky);
