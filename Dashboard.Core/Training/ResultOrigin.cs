namespace Dashboard.Core.Training;

/// <summary>Where a result shown on a card came from.</summary>
public enum ResultOrigin
{
    /// <summary>Fitted for this run.</summary>
    Trained,

    /// <summary>The server's cache of an earlier identical fit (this room or another on the same data set).</summary>
    Cache,

    /// <summary>Fitted ahead, while the room was idle, for a position a student was likely to try next.</summary>
    Speculation,
}
