namespace Dashboard.Core.Metrics;

/// <summary>
/// How many rows a binary classifier got right and wrong at one threshold. Label 1 is the positive
/// class; a row is predicted positive when its score is at or above the threshold.
/// </summary>
/// <param name="TruePositives">Positive rows predicted positive.</param>
/// <param name="FalsePositives">Negative rows predicted positive (false alarms).</param>
/// <param name="TrueNegatives">Negative rows predicted negative.</param>
/// <param name="FalseNegatives">Positive rows predicted negative (misses).</param>
public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>All rows: TP + FP + TN + FN.</summary>
    public int Total => Positives + Negatives;

    /// <summary>Rows whose label is positive: TP + FN.</summary>
    public int Positives => TruePositives + FalseNegatives;

    /// <summary>Rows whose label is negative: TN + FP.</summary>
    public int Negatives => TrueNegatives + FalsePositives;

    /// <summary>Rows the classifier called positive: TP + FP.</summary>
    public int PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Rows the classifier called negative: TN + FN.</summary>
    public int PredictedNegatives => TrueNegatives + FalseNegatives;

    internal ConfusionCounts ToCounts() => new(TruePositives, FalsePositives, TrueNegatives, FalseNegatives);
}
