namespace Dashboard.Core.Metrics;

/// <summary>
/// One point of a precision-recall curve: the values when every row scoring at or above
/// <paramref name="Threshold"/> is called positive.
/// </summary>
/// <param name="Precision">TP / (TP + FP) (y axis); the closing point's is 1 by sklearn's convention.</param>
/// <param name="Recall">TP / (TP + FN) (x axis); 1 at every threshold when there are no positive rows, as sklearn.</param>
/// <param name="Threshold">
/// The score cut-off. The closing point (precision 1, recall 0), which sklearn returns without a
/// threshold, gets the highest score + 1, like the ROC curve's opening point.
/// </param>
public sealed record PrecisionRecallPoint(double Precision, double Recall, double Threshold);
