namespace Dashboard.Core.Resampling;

/// <summary>
/// NearMiss 1, 2 and 3 as imbalanced-learn 0.10 defines them, acting on a class group's rows against
/// the other class. Scores are sums of (unsquared) Euclidean distances, as there; ties keep the
/// group's row order (Python's stable sort). imbalanced-learn measures against the smallest class;
/// here the other class is always the reference, which is the same whenever the group is the larger class.
/// </summary>
internal static class NearMiss
{
    public static void Undersample(ChangeContext context, int label, List<int> group, int keep, UndersamplingMethod version, int k)
    {
        var other = context.PositionsOfClass(label, other: true);
        var reference = SearchPool.Create(context, other, $"class {context.ClassName(1 - label)}");
        List<int> kept;
        if (version == UndersamplingMethod.NearMiss3)
        {
            // Only group rows among the k nearest of some other-class row are eligible; of those, the farthest are kept.
            var groupPool = SearchPool.Create(context, group, $"class {context.ClassName(label)}");
            var near = groupPool.Find(other, k);
            var candidates = near.Indices.Distinct().Order().ToList();
            var table = reference.Find(candidates, k);
            context.UsedK(Math.Min(near.K, table.K));
            kept = Rank(candidates, table, keep, farthestFirst: true);
            if (kept.Count < keep)
            {
                context.Warn(ResamplingWarningKind.TargetNotReached,
                    $"NearMiss-3 can keep only the {kept.Count} rows of class {context.ClassName(label)} that are among the {near.K} nearest of some other-class row; {keep} were asked.");
            }
        }
        else
        {
            var table = reference.Find(group, k, farthest: version == UndersamplingMethod.NearMiss2);
            context.UsedK(table.K);
            kept = Rank(group, table, keep, farthestFirst: false);
        }
        context.UsedMethod(Undersampler.Name(version));
        var keptSet = kept.ToHashSet();
        context.RemoveRows(group.Where(p => !keptSet.Contains(p)).ToList());
    }

    private static List<int> Rank(List<int> rows, NeighbourTable table, int keep, bool farthestFirst)
    {
        var score = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var d in table.DistancesOf(i)) score[i] += Math.Sqrt(d);
        }
        var order = Enumerable.Range(0, rows.Count);
        // LINQ's ordering is stable, like Python's sorted(), so equal scores keep the rows' order.
        var ranked = farthestFirst ? order.OrderByDescending(i => score[i]) : order.OrderBy(i => score[i]);
        return ranked.Take(keep).Select(i => rows[i]).ToList();
    }
}
