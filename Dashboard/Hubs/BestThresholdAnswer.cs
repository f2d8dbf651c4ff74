using Dashboard.Core.Training;

namespace Dashboard.Hubs;

/// <summary>
/// The answer to FindBestThreshold: the threshold chosen on validation rows (with the metric's value
/// there and how many rows), and <see cref="Error"/> when it could not be chosen or set.
/// </summary>
public sealed record BestThresholdAnswer(ValidationThresholdResult? Found, string? Error)
{
    public static BestThresholdAnswer Refused(string error) => new(null, error);
}
