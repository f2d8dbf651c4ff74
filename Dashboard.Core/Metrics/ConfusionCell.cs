namespace Dashboard.Core.Metrics;

/// <summary>One cell of a binary confusion matrix: what a test row really is against what the model predicted.</summary>
public enum ConfusionCell
{
    /// <summary>Actually negative, predicted negative.</summary>
    TrueNegative,

    /// <summary>Actually negative, predicted positive.</summary>
    FalsePositive,

    /// <summary>Actually positive, predicted negative.</summary>
    FalseNegative,

    /// <summary>Actually positive, predicted positive.</summary>
    TruePositive,
}
