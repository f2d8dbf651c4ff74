namespace Dashboard.Core.Resampling;

/// <summary>How a focus group gains rows when its slider moves right of neutral.</summary>
public enum OversamplingMethod
{
    /// <summary>SMOTE; becomes SMOTE-NC by itself when the features include categorical columns.</summary>
    Smote,

    /// <summary>SMOTE-NC asked for by name; the same as <see cref="Smote"/> (plain SMOTE when no feature is categorical).</summary>
    SmoteNc,

    /// <summary>Duplicates group rows drawn at random (with replacement).</summary>
    Random,

    /// <summary>Borderline-SMOTE 1: SMOTE from the group rows whose neighbourhood is mostly, but not only, the other class.</summary>
    BorderlineSmote1,

    /// <summary>ADASYN: more new rows around the group rows with more other-class neighbours.</summary>
    Adasyn,
}
