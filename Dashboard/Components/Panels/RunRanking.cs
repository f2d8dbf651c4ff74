using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;

namespace Dashboard.Components.Panels;

/// <summary>The runs table's order: newest first, or by expected cost for the room's costs (the cheapest card of each run first).</summary>
public static class RunRanking
{
    /// <summary>The runs (each one's points, one per card) newest first, or, with <paramref name="costs"/>, lowest cost first (ties: newest first).</summary>
    public static IReadOnlyList<IGrouping<string, HistoryPoint>> Order(IEnumerable<HistoryPoint> history, CostMatrix? costs)
    {
        var runs = history.GroupBy(p => p.RunId);
        return (costs is null
            ? runs.OrderByDescending(r => r.First().RunNumber)
            : runs.OrderBy(r => r.Min(p => CostOf(p, costs))).ThenByDescending(r => r.First().RunNumber)).ToArray();
    }

    // A point without a confusion matrix (a regressor's) has no cost: it ranks last.
    private static double CostOf(HistoryPoint point, CostMatrix costs) => point.Metrics is { } m ? costs.ExpectedCost(m.Confusion) : double.MaxValue;

    /// <summary>For each card, the run where it had its lowest expected cost (the earliest of equal ones).</summary>
    public static IReadOnlyDictionary<string, string> CheapestRun(IEnumerable<HistoryPoint> history, CostMatrix costs) =>
        history.GroupBy(p => p.AlgorithmId).ToDictionary(g => g.Key,
            g => g.OrderBy(p => CostOf(p, costs)).ThenBy(p => p.RunNumber).First().RunId);
}
