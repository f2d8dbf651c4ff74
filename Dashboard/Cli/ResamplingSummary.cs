using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Cli;

/// <summary>
/// What resampling did to the training rows, as `resample` and `loop` print it (the same shape in
/// both, under "resampling"): rows per class before and after, per change the group's rows and
/// share before and after, every warning, and the seconds of the resampling step alone.
/// </summary>
internal sealed record ResamplingSummary(
    ResamplingSummary.BeforeAfter TrainingRows,
    int SyntheticRows,
    IReadOnlyList<ResamplingSummary.Change> Changes,
    IReadOnlyList<ResamplingWarning> Warnings,
    NeighbourSearchKind NeighbourSearch,
    double Seconds)
{
    /// <param name="trainRows">The split's training rows, as they were before resampling.</param>
    public static ResamplingSummary Of(LabeledDataset data, IReadOnlyList<int> trainRows, ResampledTrainingSet resampled, double seconds)
    {
        var positivesBefore = trainRows.Count(r => data.Labels[r] == 1);
        var before = new ClassSplit(trainRows.Count - positivesBefore, positivesBefore);
        var positivesAfter = resampled.Labels.Count(l => l == 1);
        var after = new ClassSplit(resampled.RowCount - positivesAfter, positivesAfter);
        var changes = resampled.Changes.Select(c => new Change(c.Index, c.Group, c.RequestedShare, c.TargetShare, c.ShareBefore, c.ShareAfter,
            BeforeAfter.Of(data, c.GroupBefore, c.GroupAfter), c.RowsAdded, c.RowsRemoved, c.Method, c.KUsed, c.Search, c.Warnings)).ToArray();
        return new ResamplingSummary(BeforeAfter.Of(data, before, after), resampled.Synthetic.RowCount, changes, resampled.Warnings,
            resampled.Search, seconds);
    }

    /// <summary>Row counts: all, and per class by the class's name (positive class first).</summary>
    internal sealed record Rows(int Total, IReadOnlyDictionary<string, int> ByClass)
    {
        public static Rows Of(LabeledDataset data, ClassSplit split) =>
            new(split.Total, new Dictionary<string, int> { [data.PositiveClass] = split.Positive, [data.NegativeClass] = split.Negative });
    }

    internal sealed record BeforeAfter(Rows Before, Rows After)
    {
        public static BeforeAfter Of(LabeledDataset data, ClassSplit before, ClassSplit after) => new(Rows.Of(data, before), Rows.Of(data, after));
    }

    /// <summary>One change (slider), in the order applied; <see cref="TargetShare"/> differs from the request only when it was clamped.</summary>
    internal sealed record Change(
        int Index,
        string Group,
        double RequestedShare,
        double TargetShare,
        double ShareBefore,
        double ShareAfter,
        BeforeAfter GroupRows,
        int RowsAdded,
        int RowsRemoved,
        string Method,
        int? K,
        NeighbourSearchKind NeighbourSearch,
        IReadOnlyList<ResamplingWarning> Warnings);
}
