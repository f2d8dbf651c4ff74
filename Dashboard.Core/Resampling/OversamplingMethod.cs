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

    /// <summary>
    /// SMOTER (Torgo et al. 2013), for a numeric target: SMOTE's interpolation of the features, and as target the
    /// mean of the two parents' targets weighted by the new row's distance to the other parent. <see cref="Smote"/>
    /// means this too when the target is numeric.
    /// </summary>
    SmoteR,

    /// <summary>SMOGN (Branco et al. 2017), for a numeric target: SMOTER towards a close neighbour, Gaussian noise around the row when the neighbour is far.</summary>
    Smogn,

    /// <summary>Gaussian noise (UBL's GaussNoiseRegress), for a numeric target: copies of group rows with every numeric value and the target perturbed.</summary>
    GaussianNoise,
}
