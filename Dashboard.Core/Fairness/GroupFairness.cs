using Dashboard.Core.Metrics;

namespace Dashboard.Core.Fairness;

/// <summary>
/// Fairness by group: a classifier's recall, false-positive rate, precision and selection rate on each group of
/// a sensitive column, and the equal-opportunity and demographic-parity differences (as fairlearn's
/// equal_opportunity_difference and demographic_parity_difference, with the groups at each end named).
/// A row is predicted positive when its score is at or above the threshold, as everywhere in the product.
/// </summary>
public static class GroupFairness
{
    /// <summary>
    /// Rates per group for rows with the given labels (1 positive, 0 negative), scores and group codes
    /// (indices into <paramref name="groups"/>'s names, for example <see cref="GroupAssignment.CodesOf"/> of the test rows).
    /// </summary>
    public static GroupFairnessReport Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold,
        ReadOnlySpan<int> groupCodes, GroupAssignment groups)
    {
        if (labels.Length != scores.Length || labels.Length != groupCodes.Length)
        {
            throw new ArgumentException($"Got {labels.Length} labels, {scores.Length} scores and {groupCodes.Length} group codes; each row needs all three.", nameof(groupCodes));
        }
        if (double.IsNaN(threshold)) throw new ArgumentException("The threshold is NaN; it must be a number.", nameof(threshold));

        // [group] -> TP, FP, TN, FN
        var counts = new int[groups.Names.Count, 4];
        for (var i = 0; i < labels.Length; i++)
        {
            var code = groupCodes[i];
            if ((uint)code >= (uint)groups.Names.Count)
            {
                throw new ArgumentException($"groupCodes[{i}] is {code}; the column '{groups.Column}' has {groups.Names.Count} groups.", nameof(groupCodes));
            }
            var predicted = scores[i] >= threshold;
            var cell = (labels[i], predicted) switch
            {
                (1, true) => 0,
                (0, true) => 1,
                (0, false) => 2,
                (1, false) => 3,
                _ => throw new ArgumentException($"labels[{i}] is {labels[i]}; expected 1 (positive) or 0 (negative).", nameof(labels)),
            };
            counts[code, cell]++;
        }

        var rates = new List<GroupRates>(groups.Names.Count);
        for (var g = 0; g < groups.Names.Count; g++)
        {
            var confusion = new ConfusionMatrix(counts[g, 0], counts[g, 1], counts[g, 2], counts[g, 3]);
            if (confusion.Total > 0) rates.Add(GroupRates.From(groups.Names[g], confusion));
        }
        return new GroupFairnessReport(groups.Column, threshold, rates,
            Gap(rates, GroupMetric.Recall), Gap(rates, GroupMetric.SelectionRate));
    }

    /// <summary>max − min of a rate over the groups where it is defined; null when it is defined for none.</summary>
    private static FairnessGap? Gap(IReadOnlyList<GroupRates> groups, GroupMetric metric)
    {
        GroupRates? highest = null, lowest = null;
        var compared = 0;
        foreach (var group in groups)
        {
            if (!group.IsDefined(metric)) continue;
            compared++;
            // Strict comparisons keep the first group in order on a tie.
            if (highest is null || group.Get(metric) > highest.Get(metric)) highest = group;
            if (lowest is null || group.Get(metric) < lowest.Get(metric)) lowest = group;
        }
        return highest is null || lowest is null
            ? null
            : new FairnessGap(metric, highest.Get(metric) - lowest.Get(metric), highest.Group, highest.Get(metric), lowest.Group, lowest.Get(metric), compared);
    }
}
