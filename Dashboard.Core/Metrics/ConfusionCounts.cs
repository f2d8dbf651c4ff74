namespace Dashboard.Core.Metrics;

/// <summary>
/// The four counts as a value type, and every threshold metric's formula, in one place. A struct so
/// that the best-threshold search can score each candidate without allocating; longs so that the
/// products inside MCC and balanced accuracy cannot overflow.
/// Every 0/0 is 0 (scikit-learn's zero_division=0); <see cref="IsDefined"/> says where that happened.
/// </summary>
internal readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Positives => TruePositives + FalseNegatives;
    public long Negatives => TrueNegatives + FalsePositives;
    public long PredictedPositives => TruePositives + FalsePositives;
    public long PredictedNegatives => TrueNegatives + FalseNegatives;
    public long Total => Positives + Negatives;

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);
    public double Precision => Ratio(TruePositives, PredictedPositives);
    public double Recall => Ratio(TruePositives, Positives);
    public double Specificity => Ratio(TrueNegatives, Negatives);
    public double FalsePositiveRate => Ratio(FalsePositives, Negatives);

    /// <summary>
    /// sklearn averages the recalls of the classes present in the labels, so with one class the
    /// score is that class's recall (not half of it).
    /// </summary>
    public double BalancedAccuracy => (Positives, Negatives) switch
    {
        (0, _) => Specificity,
        (_, 0) => Recall,
        // One division of exact integers rather than (recall + specificity) / 2: equal scores then
        // give equal doubles, which keeps the best-threshold tie-break exact.
        var (p, n) => (double)(TruePositives * n + TrueNegatives * p) / (2.0 * p * n),
    };

    /// <summary>sqrt(recall * specificity), as imblearn's geometric_mean_score(average="binary"); 0 when a class is missing.</summary>
    public double GeometricMean => Positives == 0 || Negatives == 0
        ? 0.0
        : Math.Sqrt((double)(TruePositives * TrueNegatives) / ((double)Positives * Negatives));

    /// <summary>Matthews correlation; 0 when any row or column sum is 0, as sklearn returns.</summary>
    public double Mcc
    {
        get
        {
            var denominator = Math.Sqrt((double)(PredictedPositives * Positives) * (double)(Negatives * PredictedNegatives));
            return denominator == 0 ? 0.0 : (TruePositives * TrueNegatives - FalsePositives * FalseNegatives) / denominator;
        }
    }

    /// <summary>
    /// (1 + b²)·TP / ((1 + b²)·TP + b²·FN + FP): the harmonic form from precision and recall without
    /// the intermediate 0/0s, so it is 0 only where sklearn's is and defined wherever TP + FP + FN &gt; 0.
    /// </summary>
    public double FBeta(double beta)
    {
        var b2 = beta * beta;
        if (double.IsInfinity(b2))
        {
            return Recall; // the limit, and what sklearn returns for beta = inf
        }
        var numerator = (1 + b2) * TruePositives;
        var denominator = numerator + b2 * FalseNegatives + FalsePositives;
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    /// <summary>The value of a metric that depends on the threshold.</summary>
    public double Value(MetricId metric) => metric switch
    {
        MetricId.Accuracy => Accuracy,
        MetricId.Precision => Precision,
        MetricId.Recall => Recall,
        MetricId.Specificity => Specificity,
        MetricId.F1 => FBeta(1),
        MetricId.F2 => FBeta(2),
        MetricId.BalancedAccuracy => BalancedAccuracy,
        MetricId.GeometricMean => GeometricMean,
        MetricId.Mcc => Mcc,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "This metric depends on the ranking of all scores, not on counts at one threshold."),
    };

    /// <summary>False where the metric's formula divides by zero for these counts.</summary>
    public bool IsDefined(MetricId metric) => metric switch
    {
        MetricId.Accuracy => Total > 0,
        MetricId.Precision => PredictedPositives > 0,
        MetricId.Recall or MetricId.PrAuc => Positives > 0,
        MetricId.Specificity => Negatives > 0,
        MetricId.F1 or MetricId.F2 => TruePositives + FalsePositives + FalseNegatives > 0,
        MetricId.BalancedAccuracy or MetricId.GeometricMean or MetricId.RocAuc => Positives > 0 && Negatives > 0,
        MetricId.Mcc => Positives > 0 && Negatives > 0 && PredictedPositives > 0 && PredictedNegatives > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public ConfusionMatrix ToMatrix() =>
        new(checked((int)TruePositives), checked((int)FalsePositives), checked((int)TrueNegatives), checked((int)FalseNegatives));

    private static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
