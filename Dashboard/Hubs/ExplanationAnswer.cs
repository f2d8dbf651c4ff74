using Dashboard.Core.Explanations;

namespace Dashboard.Hubs;

/// <summary>
/// The answer to ExplainRow: why one card scored one test row as it did (base value, value, each original column's
/// contribution, the method), and <see cref="Error"/> when it could not be explained.
/// </summary>
public sealed record ExplanationAnswer(RowExplanation? Explanation, string? Error)
{
    public static ExplanationAnswer Refused(string error) => new(null, error);
}
