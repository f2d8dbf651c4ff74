namespace Dashboard.Core.Training;

/// <summary>Cost-sensitive learning: how much a training row of each class counts in the loss.</summary>
public enum ClassWeightMode
{
    /// <summary>Every row counts the same.</summary>
    None,

    /// <summary>Each class counts as much in total: weight = rows / (2 x rows of the class), as scikit-learn's "balanced".</summary>
    Balanced,

    /// <summary>Positive rows weigh the given amount, negative rows 1.</summary>
    Custom,

    /// <summary>Positive rows weigh C_FN / C_FP of the room's costs, negative rows 1 (<see cref="ClassWeighting.FromCosts"/>).</summary>
    FromCosts,
}
