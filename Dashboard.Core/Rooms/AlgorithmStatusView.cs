namespace Dashboard.Core.Rooms;

/// <summary>What an algorithm card shows while its model trains.</summary>
/// <param name="IsTraining">True from the start of a run until its result (or cancellation) arrives.</param>
/// <param name="Message">"resampling", "training", "done", "cancelled", or an error.</param>
public sealed record AlgorithmStatusView(bool IsTraining, string Message);
