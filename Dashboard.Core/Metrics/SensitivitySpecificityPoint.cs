namespace Dashboard.Core.Metrics;

/// <summary>Sensitivity and specificity when every row scoring at or above <paramref name="Threshold"/> is called positive, for the threshold chart.</summary>
/// <param name="Threshold">The score cut-off (x axis).</param>
/// <param name="Sensitivity">TP / (TP + FN): share of positive rows found; 0 when there are none.</param>
/// <param name="Specificity">TN / (TN + FP): share of negative rows left alone; 0 when there are none.</param>
public sealed record SensitivitySpecificityPoint(double Threshold, double Sensitivity, double Specificity);
