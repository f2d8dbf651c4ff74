using System.Globalization;

namespace Dashboard.Core.Metrics;

/// <summary>
/// What each kind of mistake costs, in any unit (the room's default: 1 and 1). A correct prediction costs nothing.
/// Cost-sensitive decisions compare models and thresholds by the expected cost per row instead of by a metric.
/// </summary>
public sealed record CostMatrix
{
    /// <param name="falseNegative">C_FN: the cost of a positive row predicted negative (a miss).</param>
    /// <param name="falsePositive">C_FP: the cost of a negative row predicted positive (a false alarm).</param>
    /// <exception cref="ArgumentException">A cost is negative or not a number, or both are 0 (<see cref="Problem"/>).</exception>
    public CostMatrix(double falseNegative = 1, double falsePositive = 1)
    {
        if (Problem(falseNegative, falsePositive) is { } problem) throw new ArgumentException(problem);
        FalseNegative = falseNegative;
        FalsePositive = falsePositive;
    }

    /// <summary>C_FN: the cost of a positive row predicted negative (a miss).</summary>
    public double FalseNegative { get; }

    /// <summary>C_FP: the cost of a negative row predicted positive (a false alarm).</summary>
    public double FalsePositive { get; }

    /// <summary>Both mistakes cost 1: the expected cost is the error rate.</summary>
    public static CostMatrix Equal { get; } = new();

    /// <summary>
    /// The threshold a calibrated model should use: C_FP / (C_FP + C_FN). Calling a row with probability p positive
    /// costs (1 - p)·C_FP in expectation and calling it negative costs p·C_FN; the first is cheaper from this p on.
    /// </summary>
    public double TheoreticalThreshold => FalsePositive / (FalsePositive + FalseNegative);

    /// <summary>The class weight that makes a weighted loss count mistakes as these costs do: C_FN / C_FP for a positive row, 1 for a negative one.</summary>
    /// <exception cref="InvalidOperationException">A false positive costs 0, so the weight would be infinite.</exception>
    public double PositiveClassWeight => FalsePositive > 0 ? FalseNegative / FalsePositive
        : throw new InvalidOperationException("Class weights from costs need a false positive to cost more than 0 (the positive weight is C_FN / C_FP).");

    /// <summary>Expected cost per row: (FN·C_FN + FP·C_FP) / rows; 0 for no rows.</summary>
    public double ExpectedCost(ConfusionMatrix confusion) =>
        confusion.Total == 0 ? 0 : (confusion.FalseNegatives * FalseNegative + confusion.FalsePositives * FalsePositive) / confusion.Total;

    /// <summary>Null when the two costs can be used, else a message that names the problem and what to do.</summary>
    public static string? Problem(double falseNegative, double falsePositive)
    {
        foreach (var (cost, mistake) in new[] { (falseNegative, "false negative"), (falsePositive, "false positive") })
        {
            if (!double.IsFinite(cost) || cost < 0)
            {
                return $"The cost of a {mistake} must be a number at or above 0; {cost.ToString(CultureInfo.InvariantCulture)} was given.";
            }
        }
        return falseNegative + falsePositive > 0 ? null
            : "A false negative and a false positive cannot both cost 0: then every threshold costs nothing. Give at least one a cost above 0.";
    }
}
