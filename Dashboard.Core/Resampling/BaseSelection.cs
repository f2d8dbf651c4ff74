namespace Dashboard.Core.Resampling;

/// <summary>
/// Which pool rows SMOTE interpolates from (as indices into the pool). Borderline-SMOTE and ADASYN
/// look at each pool row's neighbours among all current training rows, as imbalanced-learn 0.10 does;
/// when they find nothing to work with they return null and plain SMOTE is used, with a warning.
/// </summary>
internal static class BaseSelection
{
    /// <summary>imbalanced-learn's default m_neighbors for Borderline-SMOTE.</summary>
    private const int BorderlineNeighbours = 10;

    public static int[] Uniform(ChangeContext context, int label, int poolRows, int count)
    {
        var random = context.Random($"over/bases/{label}");
        var bases = new int[count];
        for (var i = 0; i < count; i++) bases[i] = random.NextInt(poolRows);
        return bases;
    }

    /// <summary>Borderline-SMOTE 1: bases drawn uniformly from the rows "in danger": at least half, but not all, of their m neighbours are of the other class.</summary>
    public static int[]? Borderline(ChangeContext context, int label, List<int> pool, int count)
    {
        var otherCounts = OtherClassNeighbours(context, label, pool, BorderlineNeighbours, out var m);
        var danger = Enumerable.Range(0, pool.Count).Where(i => otherCounts[i] * 2 >= m && otherCounts[i] < m).ToArray();
        if (danger.Length == 0)
        {
            context.Warn(ResamplingWarningKind.MethodNotApplicable,
                $"No row of class {context.ClassName(label)} lies on the class border (half or more, but not all, of its {m} neighbours in the other class), so Borderline-SMOTE had no row to start from: plain SMOTE was used.");
            return null;
        }
        var random = context.Random($"over/bases/{label}");
        var bases = new int[count];
        for (var i = 0; i < count; i++) bases[i] = danger[random.NextInt(danger.Length)];
        return bases;
    }

    /// <summary>
    /// ADASYN: each row gets new rows in proportion to how many of its k neighbours are of the other
    /// class. imbalanced-learn rounds each row's count, so its total drifts from the target; here the
    /// counts are apportioned by largest remainder so the total is exact.
    /// </summary>
    public static int[]? Adasyn(ChangeContext context, int label, List<int> pool, int count, int k)
    {
        var otherCounts = OtherClassNeighbours(context, label, pool, k, out var used);
        if (otherCounts.All(c => c == 0))
        {
            context.Warn(ResamplingWarningKind.MethodNotApplicable,
                $"No row of class {context.ClassName(label)} has a neighbour of the other class among its {used} nearest, so ADASYN has nothing to weight by: plain SMOTE was used.");
            return null;
        }
        var perRow = TargetCounts.Apportion(count, otherCounts);
        return Enumerable.Range(0, pool.Count).SelectMany(i => Enumerable.Repeat(i, perRow[i])).ToArray();
    }

    /// <summary>For each pool row, how many of its <paramref name="k"/> nearest training rows are of the other class.</summary>
    private static int[] OtherClassNeighbours(ChangeContext context, int label, List<int> pool, int k, out int used)
    {
        var everyone = SearchPool.Create(context, context.AllPositions(), "the training rows");
        var table = everyone.Find(pool, k);
        used = table.K;
        var counts = new int[pool.Count];
        for (var i = 0; i < pool.Count; i++)
        {
            foreach (var neighbour in table.Row(i))
            {
                if (context.Work.LabelAt(neighbour) != label) counts[i]++;
            }
        }
        return counts;
    }
}
