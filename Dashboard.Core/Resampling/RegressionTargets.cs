namespace Dashboard.Core.Resampling;

/// <summary>
/// The target of new rows for a numeric target (regression). SMOTER (Torgo et al. 2013, as R's UBL
/// SmoteRegress): with d₁ the new row's distance to its base x and d₂ to its neighbour n, the target is
/// (d₂·y(x) + d₁·y(n)) / (d₁ + d₂), the nearer parent weighing more (the plain mean when d₁ = d₂), so it
/// always lies between the parents' targets. Distances are taken as the neighbour search takes them:
/// standardized numeric features (a missing value on either side adds nothing) plus the SMOTE-NC penalty
/// for each categorical feature that differs.
/// </summary>
internal static class RegressionTargets
{
    /// <summary>Sets the target of the new rows [first, first + x.Length) from their parents x and n.</summary>
    public static void Interpolate(WorkingSet work, int first, int[] x, int[] n, float mismatchPenalty)
    {
        var store = work.Synthetic;
        var targets = store.Targets;
        for (var i = 0; i < x.Length; i++)
        {
            var id = first + i;
            var (yx, yn) = (work.TargetOf(x[i]), work.TargetOf(n[i]));
            var d1 = Math.Sqrt(SquaredDistance(work, id, x[i], mismatchPenalty));
            var d2 = Math.Sqrt(SquaredDistance(work, id, n[i], mismatchPenalty));
            var y = d1 == d2 ? (yx + yn) / 2 : (d2 * yx + d1 * yn) / (d1 + d2);
            // Rounding must not carry the mean past a parent.
            targets[id] = Math.Clamp(y, Math.Min(yx, yn), Math.Max(yx, yn));
        }
    }

    /// <summary>Labels the new rows [first, first + count) rare (1) or common (0) from their own target value.</summary>
    public static void Relabel(WorkingSet work, int first, int count)
    {
        var relevance = work.Space.Data.Regression!.Relevance;
        var store = work.Synthetic;
        for (var id = first; id < first + count; id++) store.Labels[id] = relevance.IsRare(store.Target(id)) ? 1 : 0;
    }

    private static double SquaredDistance(WorkingSet work, int id, int parent, float mismatchPenalty)
    {
        var space = work.Space;
        var store = work.Synthetic;
        double sum = 0;
        for (var f = 0; f < space.Numeric.Length; f++)
        {
            var difference = (store.Numeric(f, id) - work.NumericOf(f, parent)) / space.Scale[f];
            if (double.IsFinite(difference)) sum += difference * difference;
        }
        for (var c = 0; c < space.Categorical.Length; c++)
        {
            if (store.Code(c, id) != work.CodeOf(c, parent)) sum += mismatchPenalty;
        }
        return sum;
    }
}
