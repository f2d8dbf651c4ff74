namespace Dashboard.Core.Metrics;

/// <summary>The threshold with the lowest expected cost per row on validation rows, and that cost there.</summary>
/// <param name="Threshold">Call a row positive when its score is at or above this: one of the scores, or above them all when calling nothing positive is cheapest.</param>
/// <param name="ExpectedCost">(FN·C_FN + FP·C_FP) / rows on the rows it was chosen on (optimistic for new rows).</param>
public sealed record CostThresholdChoice(CostMatrix Costs, double Threshold, double ExpectedCost);
