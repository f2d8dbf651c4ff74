namespace Dashboard.Core.Resampling;

/// <summary>What a guard rail did instead of failing.</summary>
public enum ResamplingWarningKind
{
    /// <summary>The asked share was out of reach and was moved to the nearest reachable one.</summary>
    ShareClamped,

    /// <summary>A class in the group had too few rows for k neighbours: k was lowered to rows - 1.</summary>
    KReduced,

    /// <summary>A class in the group had a single row: it was duplicated instead of interpolated.</summary>
    RandomOversamplingFallback,

    /// <summary>A cleaning method (NearMiss-3, Tomek links, ENN) found fewer rows to remove than needed.</summary>
    TargetNotReached,

    /// <summary>The chosen method does not apply here; another was used (named in the message).</summary>
    MethodNotApplicable,

    /// <summary>The group holds every training row, so its share cannot move.</summary>
    GroupIsEverything,

    /// <summary>Neighbours were searched in a sample of a very large pool.</summary>
    SampledNeighbours,

    /// <summary>A cleaning pass after resampling (SMOTE + Tomek, SMOTE + ENN) moved the share away from the target.</summary>
    CleaningMovedShare,
}
