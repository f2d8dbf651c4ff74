namespace Dashboard.Core.Data;

/// <summary>
/// A numeric target predicted as a number: its value per row and the relevance function that says which
/// values are rare. The relevance is fitted on every row of the data set (its target distribution, known
/// before the split), because the split stratifies on rare/common; it never sees a model.
/// </summary>
/// <param name="Values">Per row of the labeled data set, the target value (never missing).</param>
public sealed record RegressionTarget(double[] Values, RelevanceFunction Relevance)
{
    /// <summary>The median value: rare values below it and above it are separate bumps for resampling.</summary>
    public double Median => Relevance.ControlPoints.Count == 3 ? Relevance.ControlPoints[1].Value : MedianOf(Values);

    /// <summary>Rows whose value is rare (relevance at least the threshold).</summary>
    public int RareCount => Values.Count(Relevance.IsRare);

    private static double MedianOf(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
