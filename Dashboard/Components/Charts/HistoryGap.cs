namespace Dashboard.Components.Charts;

/// <summary>A gap between the sensitive column's groups that the history chart can plot (docs/fairness.md).</summary>
public enum HistoryGap
{
    /// <summary>Equal-opportunity difference: max − min recall over the groups with positive rows.</summary>
    EqualOpportunity,

    /// <summary>Demographic-parity difference: max − min selection rate over the groups.</summary>
    DemographicParity,
}
