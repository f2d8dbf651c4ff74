namespace Dashboard.Core.Resampling;

/// <summary>
/// The rows that Tomek links and edited nearest neighbours (imbalanced-learn 0.10, kind_sel="all")
/// would remove. Neighbours are searched among every current training row.
/// </summary>
internal static class NeighbourCleaning
{
    /// <summary>The candidates whose nearest neighbour is of the other class and has the candidate as its own nearest neighbour.</summary>
    public static List<int> TomekLinks(ChangeContext context, List<int> candidates)
    {
        var work = context.Work;
        var everyone = SearchPool.Create(context, context.AllPositions(), "the training rows");
        var nearest = everyone.Find(candidates, 1);
        context.UsedK(1);
        var crossing = Enumerable.Range(0, candidates.Count)
            .Where(i => work.LabelAt(nearest.Indices[i]) != work.LabelAt(candidates[i]))
            .ToList();
        var partners = crossing.Select(i => nearest.Indices[i]).Distinct().ToList();
        var back = everyone.Find(partners, 1);
        var nearestOfPartner = new Dictionary<int, int>(partners.Count);
        for (var i = 0; i < partners.Count; i++) nearestOfPartner[partners[i]] = back.Indices[i];
        return crossing
            .Where(i => nearestOfPartner[nearest.Indices[i]] == candidates[i])
            .Select(i => candidates[i])
            .ToList();
    }

    /// <summary>The candidates with at least one of their k nearest neighbours in another class.</summary>
    public static List<int> EditedNearestNeighbours(ChangeContext context, List<int> candidates, int k)
    {
        var work = context.Work;
        var everyone = SearchPool.Create(context, context.AllPositions(), "the training rows");
        var table = everyone.Find(candidates, k);
        context.UsedK(table.K);
        var removed = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var label = work.LabelAt(candidates[i]);
            foreach (var neighbour in table.Row(i))
            {
                if (work.LabelAt(neighbour) == label) continue;
                removed.Add(candidates[i]);
                break;
            }
        }
        return removed;
    }
}
