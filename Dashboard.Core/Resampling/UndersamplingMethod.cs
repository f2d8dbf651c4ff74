namespace Dashboard.Core.Resampling;

/// <summary>How a focus group loses rows when its slider moves left of neutral.</summary>
public enum UndersamplingMethod
{
    /// <summary>Removes group rows uniformly at random; a feature group keeps its class proportions.</summary>
    Random,

    /// <summary>Keeps the class rows whose mean distance to their nearest other-class rows is smallest (class groups only).</summary>
    NearMiss1,

    /// <summary>Keeps the class rows whose mean distance to their farthest other-class rows is smallest (class groups only).</summary>
    NearMiss2,

    /// <summary>Keeps, among the class rows nearest to some other-class row, those farthest from the other class (class groups only).</summary>
    NearMiss3,

    /// <summary>Removes class rows that form a Tomek link (mutual nearest neighbours of different classes) (class groups only).</summary>
    TomekLinks,

    /// <summary>Removes class rows whose nearest neighbours are not all of their own class (class groups only).</summary>
    EditedNearestNeighbours,
}
