namespace Dashboard.Core.Fairness;

/// <summary>A classifier's rates per group of a sensitive column and the largest gaps between groups, at one threshold.</summary>
/// <param name="SensitiveColumn">The column whose values define the groups.</param>
/// <param name="Threshold">The score at or above which a row counts as predicted positive.</param>
/// <param name="Groups">One entry per group with at least one row, in the column's group order.</param>
/// <param name="EqualOpportunity">
/// Equal-opportunity difference: max − min recall over the groups that have positive rows (a group without
/// positives has no recall to compare). Null when no group has a positive row.
/// </param>
/// <param name="DemographicParity">Demographic-parity difference: max − min selection rate over all groups. Null when there are no rows.</param>
public sealed record GroupFairnessReport(
    string SensitiveColumn,
    double Threshold,
    IReadOnlyList<GroupRates> Groups,
    FairnessGap? EqualOpportunity,
    FairnessGap? DemographicParity);
