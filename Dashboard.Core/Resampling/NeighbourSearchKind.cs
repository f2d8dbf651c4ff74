namespace Dashboard.Core.Resampling;

/// <summary>How the nearest neighbours of a change were found (ordered: a later value is less exact).</summary>
public enum NeighbourSearchKind
{
    /// <summary>The methods used needed no neighbours (random under- or oversampling).</summary>
    None,

    /// <summary>Brute force over every row of the pool: the true nearest neighbours.</summary>
    Exact,

    /// <summary>The pool was larger than <see cref="ResamplingOptions.ExactSearchLimit"/>: neighbours were searched in a seeded random sample of it.</summary>
    Sampled,
}
