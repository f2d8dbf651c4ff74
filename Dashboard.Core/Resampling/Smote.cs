namespace Dashboard.Core.Resampling;

/// <summary>
/// SMOTE and its variants on one pool (the group's rows of one class): new = x + u * (n - x), x a base
/// row, n one of x's k nearest neighbours in the pool, u uniform in [0, 1). The variants differ only in
/// how bases are drawn. Neighbours are computed only for the distinct rows drawn as bases, so a move
/// that adds 5,000 rows needs at most 5,000 queries, whatever the pool's size.
/// </summary>
internal static class Smote
{
    /// <param name="k">Neighbours to interpolate with (already lowered for a small pool).</param>
    /// <param name="requestedK">The k asked for, which ADASYN uses to weigh each row's neighbourhood among all rows, as imbalanced-learn does.</param>
    public static void Generate(ChangeContext context, BoundGroup group, int label, List<int> pool, int count, OversamplingMethod method, int k,
        int requestedK)
    {
        var search = SearchPool.Create(context, pool, $"class {context.ClassName(label)}{Oversampler.InGroup(group)}");
        var bases = method switch
        {
            OversamplingMethod.BorderlineSmote1 => BaseSelection.Borderline(context, label, pool, count),
            OversamplingMethod.Adasyn => BaseSelection.Adasyn(context, label, pool, count, requestedK),
            _ => null,
        };
        context.UsedMethod(Name(context, bases is null ? OversamplingMethod.Smote : method));
        bases ??= BaseSelection.Uniform(context, label, pool.Count, count);

        // Each distinct base gets one query, in order of first draw.
        var slot = new int[pool.Count];
        Array.Fill(slot, -1);
        var queries = new List<int>();
        foreach (var b in bases)
        {
            if (slot[b] >= 0) continue;
            slot[b] = queries.Count;
            queries.Add(pool[b]);
        }
        var neighbours = search.Find(queries, k);
        context.UsedK(neighbours.K);

        var random = context.Random($"over/steps/{label}");
        var basePositions = new int[bases.Length];
        var neighbourPositions = new int[bases.Length];
        var steps = new double[bases.Length];
        var voterRows = new int[bases.Length];
        for (var i = 0; i < bases.Length; i++)
        {
            var row = neighbours.Row(voterRows[i] = slot[bases[i]]);
            basePositions[i] = pool[bases[i]];
            neighbourPositions[i] = row[random.NextInt(row.Length)];
            steps[i] = random.NextDouble();
        }
        context.Cancellation.ThrowIfCancellationRequested();
        SyntheticRowBuilder.Add(context, group, label, basePositions, neighbourPositions, steps, neighbours, voterRows);
    }

    private static string Name(ChangeContext context, OversamplingMethod method)
    {
        var categorical = context.Work.Space.Categorical.Length > 0;
        return method switch
        {
            OversamplingMethod.BorderlineSmote1 => categorical ? "Borderline-SMOTE 1 (SMOTE-NC categories)" : "Borderline-SMOTE 1",
            OversamplingMethod.Adasyn => categorical ? "ADASYN (SMOTE-NC categories)" : "ADASYN",
            _ => categorical ? "SMOTE-NC" : "SMOTE",
        };
    }
}
