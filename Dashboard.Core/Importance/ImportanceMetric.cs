namespace Dashboard.Core.Importance;

/// <summary>The test metric whose drop measures importance.</summary>
public enum ImportanceMetric
{
    RocAuc,
    F1,

    /// <summary>R² of a regressor (numeric target).</summary>
    R2,
}
