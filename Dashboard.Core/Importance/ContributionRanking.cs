using Dashboard.Core.Explanations;

namespace Dashboard.Core.Importance;

/// <summary>
/// The SHAP-style ranking: each original column's mean |contribution| over explained rows (<see cref="RowExplainer"/>).
/// Unlike the tree gain it is measured in the model's output unit on the rows asked about, and unlike permutation
/// importance it needs no labels; it joins both in the importance panel.
/// </summary>
public static class ContributionRanking
{
    /// <summary>Columns by mean |contribution|, largest first; every column of the explanations appears.</summary>
    public static IReadOnlyList<ColumnContributionRank> Rank(IReadOnlyList<RowExplanation> explanations)
    {
        if (explanations.Count == 0) throw new ArgumentException("A ranking needs at least one explained row.", nameof(explanations));
        return explanations.SelectMany(e => e.Contributions)
            .GroupBy(c => c.Column)
            .Select(column => new ColumnContributionRank(column.Key, column.Sum(c => Math.Abs(c.Contribution)) / explanations.Count))
            .OrderByDescending(c => c.MeanAbsoluteContribution).ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToArray();
    }
}
