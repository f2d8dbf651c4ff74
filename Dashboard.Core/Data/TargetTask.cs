namespace Dashboard.Core.Data;

/// <summary>What a model predicts for the target: a class (classification) or a number (regression).</summary>
public enum TargetTask
{
    /// <summary>The target's values are classes; the metrics call one of them positive.</summary>
    Classification,

    /// <summary>The target is a number to predict; its rare values (high relevance) play the minority's part.</summary>
    Regression,
}
