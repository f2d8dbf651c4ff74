namespace Dashboard.Core.Importance;

/// <summary>The test metric whose drop measures importance.</summary>
public enum ImportanceMetric
{
    RocAuc,
    F1,
}
