using Dashboard.Core.Training;

namespace Dashboard.Hubs;

/// <summary>
/// The answer to FindLowestCostThreshold: the threshold with the lowest expected cost per row on validation rows (with
/// that cost, the costs used and how many rows), and <see cref="Error"/> when it could not be chosen or set.
/// </summary>
public sealed record LowestCostAnswer(ValidationCostThresholdResult? Found, string? Error)
{
    public static LowestCostAnswer Refused(string error) => new(null, error);
}
