namespace Dashboard.Core.Metrics;

/// <summary>What one metric is, in words a student can read in a tooltip.</summary>
/// <param name="Id">The metric.</param>
/// <param name="DisplayName">Short name for labels and column headers.</param>
/// <param name="Meaning">One plain sentence: what the number tells you.</param>
/// <param name="Formula">The formula in confusion-matrix terms (TP, FP, TN, FN).</param>
/// <param name="WhenUndefined">When the formula divides by zero, and the value shown instead.</param>
/// <param name="DependsOnThreshold">True when moving the threshold changes it; false for the ranking metrics (ROC AUC, PR AUC).</param>
public sealed record MetricInfo(
    MetricId Id,
    string DisplayName,
    string Meaning,
    string Formula,
    string WhenUndefined,
    bool DependsOnThreshold);
