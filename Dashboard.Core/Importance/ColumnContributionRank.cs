namespace Dashboard.Core.Importance;

/// <summary>One original column's mean |contribution| to the explained rows' outputs (0 for a column the model never uses).</summary>
public sealed record ColumnContributionRank(string Column, double MeanAbsoluteContribution);
