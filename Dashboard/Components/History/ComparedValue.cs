namespace Dashboard.Components.History;

/// <summary>One run's value in a comparison, its change against the first run, and whether it is the best of the runs.</summary>
/// <param name="Value">Null when the algorithm failed or is missing in that run.</param>
/// <param name="Delta">Value minus the first run's value (null for the first run or a missing value).</param>
public sealed record ComparedValue(double? Value, double? Delta, bool IsBest)
{
    /// <summary>True when the value differs from the first run's (after rounding to what is shown).</summary>
    public bool Differs => Delta is { } d && Math.Round(d, 3) != 0;
}
