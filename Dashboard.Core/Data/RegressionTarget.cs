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

    /// <summary>
    /// What the given rows (e.g. the training rows) would hold as rare at another relevance threshold: how many, and the
    /// rare values nearest the median on each side (null where a side has none), so a page can say "346 rare: Sale_Price
    /// 249,466 and up" before the user commits to the threshold.
    /// </summary>
    public RareValuesAt RareAt(IEnumerable<int> rows, double threshold)
    {
        var relevance = Relevance with { Threshold = RelevanceFunction.CheckThreshold(threshold) };
        var (count, total, below, above) = (0, 0, (double?)null, (double?)null);
        foreach (var row in rows)
        {
            total++;
            var value = Values[row];
            if (!relevance.IsRare(value)) continue;
            count++;
            if (value >= Median) above = Math.Min(above ?? value, value);
            else below = Math.Max(below ?? value, value);
        }
        return new RareValuesAt(threshold, count, total, below, above);
    }

    private static double MedianOf(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>The rare values among some rows at a relevance threshold (<see cref="RegressionTarget.RareAt"/>).</summary>
/// <param name="LowUpTo">The highest rare value below the median: rare values are this and lower; null when none is.</param>
/// <param name="HighFrom">The lowest rare value at or above the median: rare values are this and higher; null when none is.</param>
public sealed record RareValuesAt(double Threshold, int Count, int Rows, double? LowUpTo, double? HighFrom);
