namespace Dashboard.Core.Training.OneClass;

/// <summary>
/// The rows a one-class detector learns from: the negative class only (the dashboard's positive class is the rare
/// one, the class to detect). Taken here, once, so that no detector can see a positive row by mistake.
/// </summary>
internal static class NormalRows
{
    public static FeatureMatrix Of(TrainingInput input, string algorithm)
    {
        var negatives = Enumerable.Range(0, input.Labels.Count).Where(i => input.Labels[i] == 0).ToArray();
        if (negatives.Length < 2)
        {
            throw new ArgumentException($"{algorithm} learns what a normal (negative) row looks like, but the training rows hold {negatives.Length} negative rows. " +
                "It needs at least 2: move the class-balance slider back toward neutral.", nameof(input));
        }
        return input.Features.SelectRows(negatives);
    }

    /// <summary>
    /// Maps an unbounded "how unusual" score into [0, 1) without changing the order of rows: s / (s + typical), where
    /// typical is the median score of the normal training rows. A typical normal row scores 0.5, so the threshold
    /// slider and every metric work as for a classifier's probability (which it is not: it is not calibrated).
    /// </summary>
    public static float[] Squash(IReadOnlyList<double> scores, double typical)
    {
        var scale = typical > 0 && double.IsFinite(typical) ? typical : 1;
        return scores.Select(s => (float)(Math.Max(s, 0) / (Math.Max(s, 0) + scale))).ToArray();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
