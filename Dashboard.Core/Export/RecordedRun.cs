using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>
/// A finished run as it was stored: who ran it where, on which data set and split, with which
/// sliders and algorithm settings, what resampling did, and every algorithm's result (metrics,
/// confusion matrix, test scores, curves, timings). What the history page, the exports and the
/// report are built from.
/// </summary>
/// <param name="StartedBy">The member whose change started the run ("system" for a baseline).</param>
/// <param name="Reason">What started it, e.g. "moved class balance to 0.5" or "baseline".</param>
/// <param name="Choice">The data set, target, exclusions, split seed and test share.</param>
/// <param name="Sliders">Every slider as it stood for this run, class slider first.</param>
/// <param name="Algorithms">The room's algorithm seats for this run (settings of the results are in each result).</param>
/// <param name="Threshold">The decision threshold the results were scored at.</param>
/// <param name="MovedSliderId">The slider that moved last before the run (null for a baseline).</param>
/// <param name="Training">What resampling did to the training rows (null when not known).</param>
/// <param name="Seconds">Wall time from the run's start to its last result.</param>
public sealed record RecordedRun(
    string RunId,
    DateTimeOffset CompletedAt,
    string RoomCode,
    string? StartedBy,
    string Reason,
    RunDataset Dataset,
    DatasetChoice Choice,
    IReadOnlyList<SliderState> Sliders,
    IReadOnlyList<AlgorithmSeat> Algorithms,
    double Threshold,
    bool Leaky,
    string? MovedSliderId,
    TrainingSummary? Training,
    double Seconds,
    IReadOnlyList<AlgorithmResult> Results)
{
    /// <summary>The room's costs when the run started (1 and 1 for runs stored before rooms had costs).</summary>
    public Metrics.CostMatrix Costs { get; init; } = Metrics.CostMatrix.Equal;
}
