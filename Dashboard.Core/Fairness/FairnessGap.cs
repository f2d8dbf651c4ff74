namespace Dashboard.Core.Fairness;

/// <summary>
/// The largest difference of one rate between groups: <see cref="Highest"/> − <see cref="Lowest"/>, from 0
/// (every compared group alike) to 1, with the groups at each end (the first in group order on a tie).
/// </summary>
/// <param name="Metric">The rate compared.</param>
/// <param name="Difference">max − min of the rate over the compared groups.</param>
/// <param name="HighestGroup">The group with the highest rate.</param>
/// <param name="Highest">Its rate.</param>
/// <param name="LowestGroup">The group with the lowest rate.</param>
/// <param name="Lowest">Its rate.</param>
/// <param name="GroupsCompared">How many groups had the rate defined; with one the difference is 0 and says nothing.</param>
public sealed record FairnessGap(
    GroupMetric Metric,
    double Difference,
    string HighestGroup,
    double Highest,
    string LowestGroup,
    double Lowest,
    int GroupsCompared);
