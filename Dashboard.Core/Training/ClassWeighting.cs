using Dashboard.Core.Metrics;

namespace Dashboard.Core.Training;

/// <summary>The class-weight option every algorithm has, so cost-sensitive learning can be compared with resampling.</summary>
public sealed record ClassWeighting(ClassWeightMode Mode = ClassWeightMode.None, double PositiveWeight = 1.0)
{
    public static ClassWeighting None { get; } = new();

    /// <summary>
    /// Cost-sensitive learning from the room's costs: a positive row weighs C_FN / C_FP, a negative one 1, so the
    /// weighted loss counts a miss and a false alarm as the costs do.
    /// </summary>
    public static ClassWeighting FromCosts(CostMatrix costs) => new(ClassWeightMode.FromCosts, costs.PositiveClassWeight);

    /// <summary>(weight of a negative row, weight of a positive row) for these training labels.</summary>
    public (double Negative, double Positive) WeightsFor(IReadOnlyList<int> labels)
    {
        switch (Mode)
        {
            case ClassWeightMode.Balanced:
                var positives = labels.Count(l => l == 1);
                var negatives = labels.Count - positives;
                if (positives == 0 || negatives == 0) return (1, 1);
                return (labels.Count / (2.0 * negatives), labels.Count / (2.0 * positives));
            case ClassWeightMode.Custom or ClassWeightMode.FromCosts:
                if (!(PositiveWeight > 0) || PositiveWeight > 1000)
                {
                    throw new ArgumentOutOfRangeException(nameof(PositiveWeight), PositiveWeight, Mode == ClassWeightMode.FromCosts
                        ? "Class weights from costs need C_FN / C_FP above 0 and at most 1000; change the costs or choose another class weight."
                        : "The positive class weight must be above 0 and at most 1000.");
                }
                return (1, PositiveWeight);
            default:
                return (1, 1);
        }
    }

    public bool IsNone => Mode == ClassWeightMode.None || (Mode is ClassWeightMode.Custom or ClassWeightMode.FromCosts && PositiveWeight == 1.0);
}
