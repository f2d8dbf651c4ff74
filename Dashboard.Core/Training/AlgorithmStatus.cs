namespace Dashboard.Core.Training;

/// <summary>How one algorithm's part of a run ended.</summary>
public enum AlgorithmStatus
{
    Completed,
    Failed,
}
