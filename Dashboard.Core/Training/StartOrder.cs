namespace Dashboard.Core.Training;

/// <summary>
/// The order in which a loop starts its algorithms when there are fewer training slots than algorithms, from
/// each algorithm's last fit time: the quickest first, so the first card updates as early as it can; then the rest
/// longest first, so the slowest fit is not left to start last and all results arrive as early as they can (the
/// longest-processing-time rule). On 200,000 rows, starting in ascending order left FastForest (4 s) waiting for a
/// slot and made the whole loop about 1.5x slower.
/// Algorithms never fitted yet keep the order given, before the others (their cost is unknown).
/// A fit that spreads over spare cores (<see cref="AlgorithmDescriptor.SpreadsOverSpareCores"/>: the forest) starts
/// after all the others whatever its size: started last, it takes over each core the others leave, so no core idles
/// while one long fit finishes (lending_club, 9,100 rows: the forest and the MLP each ended a run alone on one core).
/// </summary>
public static class StartOrder
{
    /// <param name="lastFitSeconds">Per algorithm id, the fit seconds of its latest result; missing when none.</param>
    public static IReadOnlyList<AlgorithmSettings> For(IEnumerable<AlgorithmSettings> settings, IReadOnlyDictionary<string, double> lastFitSeconds)
    {
        var all = settings.ToArray();
        var spreading = all.Where(s => s.Algorithm.SpreadsOverSpareCores).ToArray();
        var rest = all.Where(s => !s.Algorithm.SpreadsOverSpareCores).ToArray();
        var unknown = rest.Where(s => !lastFitSeconds.ContainsKey(s.Algorithm.Id));
        var known = rest.Where(s => lastFitSeconds.ContainsKey(s.Algorithm.Id)).OrderBy(s => lastFitSeconds[s.Algorithm.Id]).ToArray();
        if (known.Length == 0) return [.. unknown, .. spreading];
        return [.. unknown, known[0], .. known.Skip(1).Reverse(), .. spreading];
    }
}
