namespace Dashboard.Core.Training;

/// <summary>The training targets' mean and standard deviation, to fit a regressor in standard units and predict in the target's own.</summary>
internal sealed record TargetScale(double Mean, double Deviation)
{
    public static TargetScale Of(IReadOnlyList<double> targets)
    {
        if (targets.Count == 0) throw new ArgumentException("There are no training rows to fit.", nameof(targets));
        var mean = targets.Average();
        var deviation = Math.Sqrt(targets.Sum(y => (y - mean) * (y - mean)) / targets.Count);
        return new TargetScale(mean, deviation > 0 ? deviation : 1);
    }

    public double[] Standardize(IReadOnlyList<double> targets) => targets.Select(y => (y - Mean) / Deviation).ToArray();

    public double[] Restore(IEnumerable<double> standardized) => standardized.Select(z => Mean + z * Deviation).ToArray();
}
