using Dashboard.Core.Training;

namespace Dashboard.Core.Fairness;

/// <summary>
/// A room's sensitive column made ready for its cards: which group each row is in, and which other columns could
/// stand in for it. Built once per data set and column (proxy detection reads every training row); each card's rates
/// per group are then one pass over its stored test scores, so a new threshold or result needs no retraining.
/// </summary>
public sealed class SensitiveGroups
{
    private readonly FeaturizedSplit _split;
    private readonly Lazy<IReadOnlyList<ProxyScore>> _proxies;

    private SensitiveGroups(FeaturizedSplit split, GroupAssignment groups, Func<IReadOnlyList<ProxyScore>> proxies)
    {
        _split = split;
        Groups = groups;
        _proxies = new Lazy<IReadOnlyList<ProxyScore>>(proxies);
    }

    public string Column => Groups.Column;

    /// <summary>The group of every row of the data set (a numeric column by its training rows' quartiles).</summary>
    public GroupAssignment Groups { get; }

    /// <summary>
    /// Every other column's association with the sensitive one on the training rows, strongest first; detected on first
    /// use (it reads every training row), so a chart that needs only the groups does not pay for it.
    /// </summary>
    public IReadOnlyList<ProxyScore> Proxies => _proxies.Value;

    /// <summary>The possible proxies (Cramér's V at or above <see cref="ProxyDetector.ProxyThreshold"/>), strongest first.</summary>
    public IReadOnlyList<ProxyScore> Flagged => Proxies.Where(p => p.IsProxy).ToArray();

    /// <summary>
    /// What "leave the proxies out" takes from the features: the sensitive column itself and its possible proxies, those of
    /// them the models see (the sensitive column first); empty when the models see none.
    /// </summary>
    public IReadOnlyList<string> FeaturesToLeaveOut => new[] { Column }.Concat(Flagged.Select(p => p.Column)).Where(IsFeature).Distinct().ToArray();

    /// <summary>Whether the models see a column (a flagged proxy left out of the features cannot leak the sensitive value).</summary>
    public bool IsFeature(string column) => _split.Data.FeatureNames.Contains(column);

    /// <summary>Groups and proxies of <paramref name="column"/>; the column must pass <see cref="SensitiveColumns.Problem"/>.</summary>
    public static SensitiveGroups Of(FeaturizedSplit split, string column)
    {
        if (SensitiveColumns.Problem(split.Data, column) is { } problem) throw new ArgumentException(problem, nameof(column));
        var trainRows = split.Split.TrainRows;
        var others = split.Data.Data.Columns.Select(c => c.Name).Where(n => n != split.Data.TargetColumn);
        return new SensitiveGroups(split, GroupAssignment.Of(split.Data.Data.Column(column), trainRows),
            () => ProxyDetector.Detect(split.Data.Data, column, trainRows, others));
    }

    /// <summary>
    /// A card's rates per group at its threshold, or null when its scores are not the split's test rows in order
    /// (leaky mode tests on rows split off after resampling; a failed fit has no scores), so no row has a group.
    /// </summary>
    public GroupFairnessReport? RatesOf(AlgorithmResult result) =>
        result.Metrics is { } metrics ? RatesOf(result.TestLabels, result.TestScores, metrics.Threshold) : null;

    /// <summary>
    /// The rates per group of a history point at its card's threshold, from the test scores the room keeps with it; null
    /// when it has none (a point of a room reopened from storage, a numeric target) or they are not the split's test rows
    /// (leaky mode). The history chart plots a gap only where this is not null: an unknown gap is not a gap of 0.
    /// </summary>
    public GroupFairnessReport? RatesOf(Rooms.HistoryPoint point) =>
        point is { Predictions: { } kept, Metrics: { } metrics } ? RatesOf(kept.Labels, kept.Scores, metrics.Threshold) : null;

    private GroupFairnessReport? RatesOf(IReadOnlyList<int> labels, IReadOnlyList<double> scores, double threshold)
    {
        if (scores.Count != _split.TestLabels.Count || !labels.SequenceEqual(_split.TestLabels)) return null;
        return GroupFairness.Compute(labels.ToArray(), scores.ToArray(), threshold, Groups.CodesOf(_split.Split.TestRows), Groups);
    }
}
