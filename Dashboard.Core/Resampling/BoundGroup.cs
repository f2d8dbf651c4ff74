namespace Dashboard.Core.Resampling;

/// <summary>A focus group checked against one labeled data set's features, ready to test rows.</summary>
internal abstract class BoundGroup(string description)
{
    public string Description { get; } = description;

    /// <summary>The class of a class group; null for a feature group (whose class proportions are kept).</summary>
    public virtual int? ClassLabel => null;

    public abstract bool Contains(WorkingSet work, int entry);

    /// <summary>Puts the group's own value back into new synthetic rows [first, first + count), so they stay in the group.</summary>
    public virtual void KeepGroupValue(SyntheticStore store, int first, int count)
    {
    }
}
