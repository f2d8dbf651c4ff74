namespace Dashboard.Core.Training;

/// <summary>
/// The order in which a loop starts its algorithms when there are fewer training slots than algorithms: the one
/// whose last fit was quickest first, so the first result arrives as early as it can. Algorithms never fitted
/// yet go first (their cost is unknown and the first run is the baseline anyway), in the order given.
/// </summary>
public static class QuickestFirst
{
    /// <param name="lastFitSeconds">Per algorithm id, the fit seconds of its latest result; missing when none.</param>
    public static IReadOnlyList<AlgorithmSettings> Order(IEnumerable<AlgorithmSettings> settings, IReadOnlyDictionary<string, double> lastFitSeconds) =>
        settings.OrderBy(s => lastFitSeconds.TryGetValue(s.Algorithm.Id, out var seconds) ? seconds : 0).ToArray();
}
