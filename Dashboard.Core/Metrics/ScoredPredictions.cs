namespace Dashboard.Core.Metrics;

/// <summary>
/// One model's scores on a set of rows, sorted once, so that metrics at any threshold, the ROC and
/// precision-recall curves and the best threshold need no further sort. Build one per model and
/// scored rows and keep it while the user drags the threshold slider: each
/// <see cref="MetricsAt"/> is a binary search over the distinct scores.
/// Labels are 1 (positive) or 0 (negative); scores are the positive class's probability (any
/// finite number works); a row is predicted positive when its score is at or above the threshold,
/// as <c>scores &gt;= threshold</c> in scikit-learn.
/// </summary>
public sealed class ScoredPredictions
{
    /// <summary>The ROC AUC reported when the labels hold one class: the area of a ranking that carries no information. Flagged as undefined.</summary>
    public const double UndefinedRocAuc = 0.5;

    /// <summary>In <see cref="BestThreshold"/>, values closer than this count as equal (they differ only by rounding).</summary>
    public const double TieTolerance = 1e-12;

    // The distinct scores, highest first, and how many positive / negative rows score at or above
    // each: the arrays of sklearn's _binary_clf_curve, so the curves come out point for point alike.
    // Predicting the k highest distinct scores positive gives _truePositives[k - 1] and so on.
    private readonly double[] _thresholds;
    private readonly int[] _truePositives;
    private readonly int[] _falsePositives;

    /// <summary>Sorts the scores once. Throws when the lengths differ, no rows are given, a label is not 0 or 1, or a score is not finite.</summary>
    public ScoredPredictions(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"Got {labels.Length} labels but {scores.Length} scores; each row needs both.", nameof(scores));
        }
        if (labels.IsEmpty)
        {
            throw new ArgumentException("Metrics need at least one scored row.", nameof(labels));
        }

        var sortedScores = scores.ToArray();
        var sortedLabels = labels.ToArray();
        for (var i = 0; i < sortedLabels.Length; i++)
        {
            if (sortedLabels[i] is not (0 or 1))
            {
                throw new ArgumentException($"labels[{i}] is {sortedLabels[i]}; expected 1 (positive) or 0 (negative).", nameof(labels));
            }
            if (!double.IsFinite(sortedScores[i]))
            {
                throw new ArgumentException($"scores[{i}] is {sortedScores[i]}; scores must be finite numbers.", nameof(scores));
            }
        }
        // Unstable sort is fine: rows with equal scores are counted as one group below, in any order.
        Array.Sort(sortedScores, sortedLabels);

        var thresholds = new List<double>();
        var truePositives = new List<int>();
        var falsePositives = new List<int>();
        int tp = 0, fp = 0;
        for (var i = sortedScores.Length - 1; i >= 0; i--)
        {
            tp += sortedLabels[i];
            fp += 1 - sortedLabels[i];
            if (i == 0 || sortedScores[i - 1] != sortedScores[i])
            {
                thresholds.Add(sortedScores[i]);
                truePositives.Add(tp);
                falsePositives.Add(fp);
            }
        }
        _thresholds = [.. thresholds];
        _truePositives = [.. truePositives];
        _falsePositives = [.. falsePositives];

        Count = sortedScores.Length;
        Positives = tp;
        Negatives = fp;
        RocAuc = ComputeRocAuc();
        AveragePrecision = ComputeAveragePrecision();
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Number of rows labelled positive.</summary>
    public int Positives { get; }

    /// <summary>Number of rows labelled negative.</summary>
    public int Negatives { get; }

    /// <summary>Number of different scores: the thresholds that give different confusion matrices.</summary>
    public int DistinctScores => _thresholds.Length;

    /// <summary>Area under the ROC curve (trapezoids, so tied scores count half, as sklearn); <see cref="UndefinedRocAuc"/> with one class.</summary>
    public double RocAuc { get; }

    /// <summary>Average precision, as sklearn's average_precision_score; 0 when there are no positive rows.</summary>
    public double AveragePrecision { get; }

    // Above every score nothing is predicted positive; sklearn 1.2 uses max + 1 (1.3+ uses +inf,
    // which JSON cannot carry).
    private double AboveEveryScore => _thresholds[0] + 1;

    /// <summary>The confusion matrix when rows scoring at or above <paramref name="threshold"/> are called positive.</summary>
    public ConfusionMatrix ConfusionAt(double threshold) => CountsAt(DistinctScoresAtOrAbove(threshold)).ToMatrix();

    /// <summary>Every metric at <paramref name="threshold"/>; O(log distinct scores), nothing is sorted again.</summary>
    public BinaryMetrics MetricsAt(double threshold) =>
        BinaryMetrics.From(threshold, CountsAt(DistinctScoresAtOrAbove(threshold)), RocAuc, AveragePrecision);

    /// <summary>
    /// ROC curve points from threshold "nothing positive" (0, 0) down to the lowest score (1, 1), as
    /// sklearn.metrics.roc_curve. With <paramref name="dropIntermediate"/> (sklearn's default), points
    /// that lie on a straight line between their neighbours are left out; they change neither the
    /// drawing nor the area.
    /// </summary>
    public IReadOnlyList<RocPoint> RocCurve(bool dropIntermediate = true)
    {
        var points = new List<RocPoint>(_thresholds.Length + 1) { new(0, 0, AboveEveryScore) };
        // sklearn decides what to drop before adding the (0, 0) point, and only with 3+ distinct scores.
        var drop = dropIntermediate && _thresholds.Length > 2;
        for (var k = 0; k < _thresholds.Length; k++)
        {
            if (drop && k > 0 && k < _thresholds.Length - 1 && IsCollinear(k)) continue;
            var counts = CountsAt(k + 1);
            points.Add(new RocPoint(counts.FalsePositiveRate, counts.Recall, _thresholds[k]));
        }
        return points;
    }

    /// <summary>
    /// Precision-recall points in sklearn.metrics.precision_recall_curve's order: thresholds rising
    /// from the lowest score, then the closing point (precision 1, recall 0).
    /// </summary>
    public IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve()
    {
        var points = new List<PrecisionRecallPoint>(_thresholds.Length + 1);
        for (var k = _thresholds.Length - 1; k >= 0; k--)
        {
            var counts = CountsAt(k + 1);
            // With no positive rows sklearn sets recall to 1 (not 0) at every threshold.
            points.Add(new PrecisionRecallPoint(counts.Precision, Positives == 0 ? 1.0 : counts.Recall, _thresholds[k]));
        }
        points.Add(new PrecisionRecallPoint(1, 0, AboveEveryScore));
        return points;
    }

    /// <summary>Sensitivity and specificity at each distinct score, thresholds rising: the corners of the step chart.</summary>
    public IReadOnlyList<SensitivitySpecificityPoint> SensitivitySpecificityCurve()
    {
        var points = new List<SensitivitySpecificityPoint>(_thresholds.Length);
        for (var k = _thresholds.Length - 1; k >= 0; k--)
        {
            points.Add(SensitivitySpecificity(_thresholds[k], CountsAt(k + 1)));
        }
        return points;
    }

    /// <summary>Sensitivity and specificity at the given thresholds (for example <see cref="MetricsCalculator.UniformThresholds"/>), in their order.</summary>
    public IReadOnlyList<SensitivitySpecificityPoint> SensitivitySpecificityCurve(ReadOnlySpan<double> thresholds)
    {
        var points = new SensitivitySpecificityPoint[thresholds.Length];
        for (var i = 0; i < thresholds.Length; i++)
        {
            points[i] = SensitivitySpecificity(thresholds[i], CountsAt(DistinctScoresAtOrAbove(thresholds[i])));
        }
        return points;
    }

    /// <summary>
    /// The threshold that maximises <paramref name="metric"/> on these rows, trying every distinct
    /// score. Ties (within <see cref="TieTolerance"/>) go to the lowest threshold: it catches more
    /// positives at no cost in the metric, and on imbalanced data a missed positive is usually the
    /// costlier mistake. Use validation rows, never the test rows the result is reported on.
    /// Throws for ROC AUC and PR AUC, which do not depend on the threshold.
    /// </summary>
    public ThresholdChoice BestThreshold(MetricId metric = MetricId.F1)
    {
        if (!MetricCatalog.Get(metric).DependsOnThreshold)
        {
            throw new ArgumentException($"{metric} does not depend on the threshold, so it cannot choose one.", nameof(metric));
        }
        // Lowest threshold first (every row positive); only a clearly higher value moves the choice up.
        var bestAbove = _thresholds.Length;
        var bestValue = CountsAt(bestAbove).Value(metric);
        for (var above = bestAbove - 1; above >= 1; above--)
        {
            var value = CountsAt(above).Value(metric);
            if (value > bestValue + TieTolerance)
            {
                bestAbove = above;
                bestValue = value;
            }
        }
        return new ThresholdChoice(metric, _thresholds[bestAbove - 1], bestValue);
    }

    /// <summary>Expected cost per row at <paramref name="threshold"/>: (FN·C_FN + FP·C_FP) / rows.</summary>
    public double ExpectedCostAt(double threshold, CostMatrix costs) => costs.ExpectedCost(ConfusionAt(threshold));

    /// <summary>
    /// The threshold with the lowest expected cost on these rows, trying every distinct score and "nothing positive"
    /// (a threshold above every score). Ties (within <see cref="TieTolerance"/>) go to the lowest threshold, as in
    /// <see cref="BestThreshold"/>. Use validation rows, never the test rows the result is reported on.
    /// </summary>
    public CostThresholdChoice LowestCostThreshold(CostMatrix costs)
    {
        // From every row positive up to none: a clearly lower cost moves the choice up.
        var bestAbove = _thresholds.Length;
        var bestCost = CostOf(CountsAt(bestAbove));
        for (var above = bestAbove - 1; above >= 0; above--)
        {
            var cost = CostOf(CountsAt(above));
            if (cost < bestCost - TieTolerance)
            {
                bestAbove = above;
                bestCost = cost;
            }
        }
        return new CostThresholdChoice(costs, bestAbove == 0 ? AboveEveryScore : _thresholds[bestAbove - 1], bestCost);

        double CostOf(ConfusionCounts counts) => (counts.FalseNegatives * costs.FalseNegative + counts.FalsePositives * costs.FalsePositive) / Count;
    }

    /// <summary>How many distinct scores are at or above the threshold (binary search over the descending scores).</summary>
    private int DistinctScoresAtOrAbove(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold is NaN; it must be a number.", nameof(threshold));
        }
        int low = 0, high = _thresholds.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_thresholds[mid] >= threshold) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The counts when the <paramref name="above"/> highest distinct scores are called positive.</summary>
    private ConfusionCounts CountsAt(int above)
    {
        var tp = above == 0 ? 0 : _truePositives[above - 1];
        var fp = above == 0 ? 0 : _falsePositives[above - 1];
        return new ConfusionCounts(tp, fp, Negatives - fp, Positives - tp);
    }

    // sklearn's test: a zero second difference in both counts means the point is on the segment
    // between its neighbours.
    private bool IsCollinear(int k) =>
        _falsePositives[k + 1] - 2 * _falsePositives[k] + _falsePositives[k - 1] == 0
        && _truePositives[k + 1] - 2 * _truePositives[k] + _truePositives[k - 1] == 0;

    private static SensitivitySpecificityPoint SensitivitySpecificity(double threshold, ConfusionCounts counts) =>
        new(threshold, counts.Recall, counts.Specificity);

    private double ComputeRocAuc()
    {
        if (Positives == 0 || Negatives == 0) return UndefinedRocAuc;
        // Trapezoids in integer counts: twice each slice's area is Δfp · (tp + previous tp). The sum is
        // exact, so the only rounding is the final division (sklearn sums rounded rates instead).
        long twiceArea = 0;
        int previousTp = 0, previousFp = 0;
        for (var k = 0; k < _thresholds.Length; k++)
        {
            twiceArea += (long)(_falsePositives[k] - previousFp) * (_truePositives[k] + previousTp);
            previousTp = _truePositives[k];
            previousFp = _falsePositives[k];
        }
        return twiceArea / (2.0 * Positives * Negatives);
    }

    private double ComputeAveragePrecision()
    {
        if (Positives == 0) return 0.0;
        // Σ (Rₖ − Rₖ₋₁) · Pₖ from the highest threshold down: each tie group adds its share of the
        // positives times the precision reached once it is included. No interpolation, as sklearn.
        var sum = 0.0;
        var previousTp = 0;
        for (var k = 0; k < _thresholds.Length; k++)
        {
            sum += (_truePositives[k] - previousTp) * ((double)_truePositives[k] / (_truePositives[k] + _falsePositives[k]));
            previousTp = _truePositives[k];
        }
        return sum / Positives;
    }
}
