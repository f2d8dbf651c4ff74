using Dashboard.Core.Data;

namespace Dashboard.Core.Training;

/// <summary>
/// The rows one run trains on: kept real training rows (indices into the labeled data; a repeat is a
/// duplicate) followed by synthetic rows, with a label for each. Test rows never appear here.
/// </summary>
public sealed record TrainingRows(IReadOnlyList<int> OriginalRows, Dataset? Synthetic, IReadOnlyList<int> Labels)
{
    public int Count => Labels.Count;

    public int SyntheticCount => Synthetic?.RowCount ?? 0;

    /// <summary>The split's training rows as they are: the baseline, before any slider moves.</summary>
    public static TrainingRows Baseline(LabeledDataset data, DataSplit split) =>
        new(split.TrainRows, null, split.TrainRows.Select(r => data.Labels[r]).ToArray());
}
