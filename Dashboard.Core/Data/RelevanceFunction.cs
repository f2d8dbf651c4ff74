using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>
/// How rare (relevant) each value of a numeric target is, from 0 (common) to 1 (rare): the automatic
/// relevance of Ribeiro (2011) as R's UBL computes it for <c>rel = "auto"</c> (<c>phi.control(method =
/// "extremes", extr.type = "both", coef = 1.5)</c>). From the target's box-plot statistics (R's
/// <c>boxplot.stats</c>: Tukey's hinges, whiskers at 1.5 times the hinge spread) the control points are
/// (low whisker end, 1, 0) when some value lies below the low whisker, else (minimum, 0, 0); then
/// (median, 0, 0); then (high whisker end, 1, 0) when some value lies above the high whisker, else
/// (maximum, 0, 0). Between two control points the relevance is the cubic Hermite curve through them
/// with their slopes (all 0 here, so p + (q - p)(3t² - 2t³) with t the position between them); outside
/// the first and last point it is that point's relevance. Values whose relevance is at least
/// <see cref="Threshold"/> (UBL's default 0.5) are the rare ones. The adjusted (medcouple) box plot of
/// Ribeiro's thesis is not used: UBL's default is the plain one, and that is the reference here.
/// </summary>
public sealed record RelevanceFunction(IReadOnlyList<RelevancePoint> ControlPoints, double Threshold = RelevanceFunction.DefaultThreshold)
{
    public const double DefaultThreshold = 0.5;

    /// <summary>The lowest threshold a user may set: below it nearly every value above the median would be "rare".</summary>
    public const double MinThreshold = 0.05;

    /// <summary>Throws a clear message unless the threshold is one a user may set (from <see cref="MinThreshold"/> to 1).</summary>
    public static double CheckThreshold(double threshold) =>
        double.IsFinite(threshold) && threshold is >= MinThreshold and <= 1
            ? threshold
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The relevance threshold (how relevant a target value must be to count as rare) must be between {MinThreshold} and 1; {threshold} was given."));

    /// <summary>How far past the hinges (in hinge spreads) a value must lie to count as extreme, as R's boxplot.</summary>
    public const double WhiskerCoefficient = 1.5;

    /// <summary>The automatic relevance of the given target values (missing values are ignored).</summary>
    public static RelevanceFunction Auto(IEnumerable<double> values, double threshold = DefaultThreshold)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("A relevance function needs at least one value.", nameof(values));
        var stats = BoxplotStats.Of(sorted, WhiskerCoefficient);
        var points = new List<RelevancePoint>(3)
        {
            stats.HasLowExtremes ? new(stats.LowWhisker, 1, 0) : new(sorted[0], 0, 0),
            new(stats.Median, 0, 0),
            stats.HasHighExtremes ? new(stats.HighWhisker, 1, 0) : new(sorted[^1], 0, 0),
        };
        // A target with (nearly) one value collapses the points onto each other; equal values would make t undefined.
        for (var i = points.Count - 1; i > 0; i--)
        {
            if (points[i].Value <= points[i - 1].Value) points.RemoveAt(points[i].Relevance > points[i - 1].Relevance ? i - 1 : i);
        }
        return new RelevanceFunction(points, threshold);
    }

    /// <summary>The relevance of one target value, in [0, 1].</summary>
    public double Of(double value)
    {
        var points = ControlPoints;
        if (value <= points[0].Value) return points[0].Relevance;
        if (value >= points[^1].Value) return points[^1].Relevance;
        var i = 1;
        while (points[i].Value < value) i++;
        var (a, b) = (points[i - 1], points[i]);
        var h = b.Value - a.Value;
        var t = (value - a.Value) / h;
        var t2 = t * t;
        var t3 = t2 * t;
        // The four cubic Hermite basis polynomials.
        var relevance = (2 * t3 - 3 * t2 + 1) * a.Relevance + (t3 - 2 * t2 + t) * h * a.Slope
            + (-2 * t3 + 3 * t2) * b.Relevance + (t3 - t2) * h * b.Slope;
        return Math.Clamp(relevance, 0, 1);
    }

    /// <summary>True when the value is rare: its relevance reaches the threshold.</summary>
    public bool IsRare(double value) => double.IsFinite(value) && Of(value) >= Threshold;

    /// <summary>"relevance 0 at 160,000 (median), 1 at 339,500 and above": the control points in words.</summary>
    public string Describe() => string.Join(", ", ControlPoints.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Relevance:0.##} at {p.Value:#,0.###}")));
}
