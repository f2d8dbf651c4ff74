using Dashboard.Core.Metrics;

namespace Dashboard.Core.Fairness;

/// <summary>
/// A classifier's rates on the test rows of one group of a sensitive column, at one threshold. A rate whose
/// formula divides by zero is 0 (never NaN) and listed in <see cref="Undefined"/>, as in <see cref="BinaryMetrics"/>.
/// </summary>
/// <param name="Group">The group's name (a category, or a quartile bin of a numeric column).</param>
/// <param name="Confusion">The group's counts at the threshold.</param>
/// <param name="Recall">True-positive rate: of the group's positive rows, the share found: TP / (TP + FN). Equal opportunity asks for it to be equal across groups.</param>
/// <param name="FalsePositiveRate">Of the group's negative rows, the share wrongly called positive: FP / (FP + TN).</param>
/// <param name="Precision">Of the group's rows called positive, the share that are positive: TP / (TP + FP).</param>
/// <param name="SelectionRate">Share of the group's rows called positive: (TP + FP) / rows. Demographic parity asks for it to be equal across groups.</param>
/// <param name="Undefined">The rates whose formula divided by zero for this group; empty when all are defined.</param>
public sealed record GroupRates(
    string Group,
    ConfusionMatrix Confusion,
    double Recall,
    double FalsePositiveRate,
    double Precision,
    double SelectionRate,
    IReadOnlyList<GroupMetric> Undefined)
{
    /// <summary>The group's test rows.</summary>
    public int Rows => Confusion.Total;

    /// <summary>The group's positive test rows.</summary>
    public int Positives => Confusion.Positives;

    /// <summary>False when the rate's formula divided by zero and its value is only a convention.</summary>
    public bool IsDefined(GroupMetric metric) => !Undefined.Contains(metric);

    /// <summary>The value of one rate.</summary>
    public double Get(GroupMetric metric) => metric switch
    {
        GroupMetric.Recall => Recall,
        GroupMetric.FalsePositiveRate => FalsePositiveRate,
        GroupMetric.Precision => Precision,
        GroupMetric.SelectionRate => SelectionRate,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    internal static GroupRates From(string group, ConfusionMatrix confusion)
    {
        var counts = confusion.ToCounts();
        var undefined = new List<GroupMetric>(4);
        if (counts.Positives == 0) undefined.Add(GroupMetric.Recall);
        if (counts.Negatives == 0) undefined.Add(GroupMetric.FalsePositiveRate);
        if (counts.PredictedPositives == 0) undefined.Add(GroupMetric.Precision);
        if (counts.Total == 0) undefined.Add(GroupMetric.SelectionRate);
        var selection = counts.Total == 0 ? 0.0 : (double)counts.PredictedPositives / counts.Total;
        return new GroupRates(group, confusion, counts.Recall, counts.FalsePositiveRate, counts.Precision, selection, undefined);
    }
}
