namespace Dashboard.Core.Resampling;

/// <summary>Left of neutral: removes group rows until the group has the target number of rows.</summary>
internal static class Undersampler
{
    public static void Run(ChangeContext context, BoundGroup group, List<int> positions, int target, DistributionChange change)
    {
        if (group.ClassLabel is not { } label)
        {
            if (change.Under != UndersamplingMethod.Random)
            {
                context.Warn(ResamplingWarningKind.MethodNotApplicable,
                    $"{Name(change.Under)} compares a class with the other class, so it applies to the class-balance slider only; random undersampling was used for {group.Description}.");
            }
            var strata = new[] { 0, 1 }.Select(l => positions.Where(p => context.Work.LabelAt(p) == l).ToList()).ToArray();
            RemoveRandomly(context, strata, TargetCounts.Apportion(target, strata.Select(s => s.Count).ToArray()));
            return;
        }
        var excess = positions.Count - target;
        switch (change.Under)
        {
            case UndersamplingMethod.Random:
                RemoveRandomly(context, [positions], [target]);
                break;
            case UndersamplingMethod.NearMiss1 or UndersamplingMethod.NearMiss2 or UndersamplingMethod.NearMiss3:
                NearMiss.Undersample(context, label, positions, target, change.Under, change.UnderK);
                break;
            case UndersamplingMethod.TomekLinks:
                RemoveUpTo(context, Name(change.Under), NeighbourCleaning.TomekLinks(context, positions), excess, positions.Count);
                break;
            case UndersamplingMethod.EditedNearestNeighbours:
                RemoveUpTo(context, Name(change.Under), NeighbourCleaning.EditedNearestNeighbours(context, positions, change.UnderK), excess, positions.Count);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Under, "Unknown undersampling method.");
        }
    }

    public static string Name(UndersamplingMethod method) => method switch
    {
        UndersamplingMethod.Random => "random undersampling",
        UndersamplingMethod.NearMiss1 => "NearMiss-1",
        UndersamplingMethod.NearMiss2 => "NearMiss-2",
        UndersamplingMethod.NearMiss3 => "NearMiss-3",
        UndersamplingMethod.TomekLinks => "Tomek links",
        UndersamplingMethod.EditedNearestNeighbours => "edited nearest neighbours",
        _ => method.ToString(),
    };

    /// <summary>Keeps <paramref name="keep"/>[s] rows of each stratum, drawn uniformly; the kept rows stay in their order.</summary>
    private static void RemoveRandomly(ChangeContext context, IReadOnlyList<List<int>> strata, int[] keep)
    {
        var removed = new List<int>();
        for (var s = 0; s < strata.Count; s++)
        {
            var stratum = strata[s];
            if (keep[s] == stratum.Count) continue;
            var label = context.Work.LabelAt(stratum[0]);
            var kept = new bool[stratum.Count];
            foreach (var i in context.Random($"under/random/{label}").SampleWithoutReplacement(stratum.Count, keep[s])) kept[i] = true;
            for (var i = 0; i < stratum.Count; i++)
            {
                if (!kept[i]) removed.Add(stratum[i]);
            }
        }
        context.UsedMethod(Name(UndersamplingMethod.Random));
        context.RemoveRows(removed);
    }

    /// <summary>
    /// A cleaning method names the rows it would remove; the target is exact, so when it names more than
    /// needed a seeded random subset goes, and when fewer, all go and the report says how far it got.
    /// </summary>
    private static void RemoveUpTo(ChangeContext context, string method, List<int> candidates, int excess, int groupRows)
    {
        context.UsedMethod(method);
        var removed = candidates;
        if (candidates.Count > excess)
        {
            var chosen = context.Random("under/cap").SampleWithoutReplacement(candidates.Count, excess);
            removed = chosen.Order().Select(i => candidates[i]).ToList();
        }
        else if (candidates.Count < excess)
        {
            var rest = context.Work.Count - groupRows;
            var target = groupRows - excess;
            var reached = groupRows - candidates.Count;
            context.Warn(ResamplingWarningKind.TargetNotReached,
                $"{method} found only {candidates.Count} row(s) to remove where {excess} were needed: the group keeps {reached} rows " +
                $"(share {ChangeContext.Share((double)reached / (reached + rest))}) instead of {target} (share {ChangeContext.Share((double)target / (target + rest))}).");
        }
        context.RemoveRows(removed);
    }
}
