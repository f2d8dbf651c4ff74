namespace Dashboard.Core.Resampling;

/// <summary>A cleaning pass run after a class group is resampled, as in imbalanced-learn's SMOTETomek and SMOTEENN.</summary>
public enum CleaningMethod
{
    None,

    /// <summary>Removes every row (of either class) that is part of a Tomek link.</summary>
    TomekLinks,

    /// <summary>Removes every row (of either class) whose nearest neighbours are not all of its class.</summary>
    EditedNearestNeighbours,
}
