namespace Dashboard.Core.Metrics;

/// <summary>
/// One point of a ROC curve: the rates when every row scoring at or above <paramref name="Threshold"/>
/// is called positive.
/// </summary>
/// <param name="FalsePositiveRate">FP / (FP + TN): share of negative rows wrongly flagged (x axis). 0 when there are no negative rows (sklearn: NaN).</param>
/// <param name="TruePositiveRate">TP / (TP + FN): share of positive rows found, the recall (y axis). 0 when there are no positive rows (sklearn: NaN).</param>
/// <param name="Threshold">The score cut-off; the first point's is the highest score + 1 (sklearn 1.2), which calls nothing positive.</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
