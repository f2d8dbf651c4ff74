namespace Dashboard.Core.Fairness;

/// <summary>Names one per-group rate of <see cref="GroupRates"/>, so an undefined one can be listed.</summary>
public enum GroupMetric
{
    Recall,
    FalsePositiveRate,
    Precision,
    SelectionRate,
}
