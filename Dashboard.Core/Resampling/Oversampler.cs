namespace Dashboard.Core.Resampling;

/// <summary>
/// Right of neutral: adds group rows until the group has the target number of rows. A class group is
/// one pool; a feature group is one pool per class, each getting new rows in proportion to its size,
/// so the class mix inside the group is kept.
/// </summary>
internal static class Oversampler
{
    public static void Run(ChangeContext context, BoundGroup group, List<int> positions, int add, DistributionChange change)
    {
        var classes = group.ClassLabel is { } label ? [label] : new[] { 0, 1 };
        var pools = classes.SelectMany(l => Pools(context, l, positions.Where(p => context.Work.LabelAt(p) == l).ToList())).ToArray();
        var counts = TargetCounts.Apportion(add, pools.Select(p => p.Rows.Count).ToArray());
        var over = Method(context, change.Over);
        for (var i = 0; i < pools.Length; i++)
        {
            if (counts[i] > 0) AddToPool(context, group, pools[i].Label, pools[i].Rows, counts[i], change with { Over = over });
        }
    }

    /// <summary>
    /// A class's rows as one pool; for a numeric target, its rare values as one pool per bump (below and above the median),
    /// as UBL does, so that a new target lies between two values of the same bump and stays rare.
    /// </summary>
    private static IEnumerable<(int Label, List<int> Rows)> Pools(ChangeContext context, int label, List<int> rows)
    {
        var work = context.Work;
        if (label == 0 || work.Space.Data.Regression is not { } regression)
        {
            yield return (label, rows);
            yield break;
        }
        var median = regression.Median;
        var low = rows.Where(p => work.TargetOf(work.EntryAt(p)) < median).ToList();
        if (low.Count > 0) yield return (label, low);
        if (low.Count < rows.Count) yield return (label, rows.Where(p => work.TargetOf(work.EntryAt(p)) >= median).ToList());
    }

    /// <summary>The regression methods need a numeric target; with classes they give way to SMOTE, and say so.</summary>
    private static OversamplingMethod Method(ChangeContext context, OversamplingMethod asked)
    {
        if (context.Work.Space.Data.Regression is not null || asked is not (OversamplingMethod.SmoteR or OversamplingMethod.Smogn or OversamplingMethod.GaussianNoise))
        {
            return asked;
        }
        context.Warn(ResamplingWarningKind.MethodNotApplicable,
            $"{asked} makes a numeric target for its new rows, but this target is a class: SMOTE was used instead.");
        return OversamplingMethod.Smote;
    }

    private static void AddToPool(ChangeContext context, BoundGroup group, int label, List<int> pool, int count, DistributionChange change)
    {
        if (change.Over == OversamplingMethod.Random)
        {
            Duplicate(context, label, pool, count);
            return;
        }
        if (change.Over == OversamplingMethod.GaussianNoise)
        {
            GaussianNoise.Generate(context, group, label, pool, count);
            return;
        }
        var className = context.ClassName(label);
        if (pool.Count == 1)
        {
            context.Warn(ResamplingWarningKind.RandomOversamplingFallback,
                $"Class {className} has a single row{InGroup(group)}, so it has no neighbour to interpolate with: that row was duplicated {count} time(s) instead.");
            Duplicate(context, label, pool, count);
            return;
        }
        var k = Math.Min(change.K, pool.Count - 1);
        if (k < change.K)
        {
            context.Warn(ResamplingWarningKind.KReduced,
                $"Class {className} has only {pool.Count} rows{InGroup(group)}, too few for k = {change.K} neighbours: k = {k} was used.");
        }
        Smote.Generate(context, group, label, pool, count, change.Over, k, change.K);
    }

    /// <summary>" in embarked = Q" for a feature group; nothing for a class group, whose class already says it.</summary>
    public static string InGroup(BoundGroup group) => group.ClassLabel is null ? $" in {group.Description}" : "";

    /// <summary>Random oversampling: the same entry again, so a real row reappears as its own index.</summary>
    private static void Duplicate(ChangeContext context, int label, List<int> pool, int count)
    {
        var random = context.Random($"over/duplicate/{label}");
        for (var i = 0; i < count; i++) context.AddRow(context.Work.EntryAt(pool[random.NextInt(pool.Count)]));
        context.UsedMethod("random oversampling");
    }
}
