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
        context.UsedMethod(Name(context, bases is null && method != OversamplingMethod.Smogn ? OversamplingMethod.Smote : method));
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
        var far = new List<int>();
        for (var i = 0; i < bases.Length; i++)
        {
            var row = neighbours.Row(voterRows[i] = slot[bases[i]]);
            var pick = random.NextInt(row.Length);
            basePositions[i] = pool[bases[i]];
            neighbourPositions[i] = row[pick];
            steps[i] = random.NextDouble();
            if (method == OversamplingMethod.Smogn && IsFar(neighbours.DistancesOf(voterRows[i]), pick))
            {
                // SMOGN's far case: a noisy copy of the base instead of a point on the segment (parents: the base twice, step 0).
                far.Add(i);
                neighbourPositions[i] = basePositions[i];
                steps[i] = 0;
            }
        }
        context.Cancellation.ThrowIfCancellationRequested();
        SyntheticRowBuilder.Add(context, group, label, basePositions, neighbourPositions, steps, neighbours, voterRows, search.Matrix.MismatchPenalty,
            far.Count == 0 ? null : first => GaussianNoise.Perturb(context, pool, first, far, GaussianNoise.SmognPerturbation, label));
    }

    /// <summary>
    /// SMOGN (Branco et al. 2017): a neighbour is too far to interpolate with when its distance is at least half the
    /// median distance from the base to its k neighbours.
    /// </summary>
    private static bool IsFar(ReadOnlySpan<float> squaredDistances, int pick)
    {
        var sorted = squaredDistances.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? Math.Sqrt(sorted[middle]) : (Math.Sqrt(sorted[middle - 1]) + Math.Sqrt(sorted[middle])) / 2;
        return Math.Sqrt(squaredDistances[pick]) >= median / 2;
    }

    private static string Name(ChangeContext context, OversamplingMethod method)
    {
        var categorical = context.Work.Space.Categorical.Length > 0;
        var regression = context.Work.Space.Data.Regression is not null;
        return method switch
        {
            OversamplingMethod.Smogn => categorical ? "SMOGN (SMOTE-NC categories)" : "SMOGN",
            _ when regression && method is OversamplingMethod.Smote or OversamplingMethod.SmoteNc or OversamplingMethod.SmoteR =>
                categorical ? "SMOTER (SMOTE-NC categories)" : "SMOTER",
            OversamplingMethod.BorderlineSmote1 => categorical ? "Borderline-SMOTE 1 (SMOTE-NC categories)" : "Borderline-SMOTE 1",
            OversamplingMethod.Adasyn => categorical ? "ADASYN (SMOTE-NC categories)" : "ADASYN",
            _ => categorical ? "SMOTE-NC" : "SMOTE",
        };
    }
}
