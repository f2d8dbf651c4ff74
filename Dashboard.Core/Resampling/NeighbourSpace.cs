using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// What makes two distances equal: the labeled data set (by reference: its columns and features) and
/// the exact training-row list the standardization was fitted on (order included, since the sums are
/// taken in that order). Holds the fitted <see cref="FeatureSpace"/>, so a cached session also skips
/// refitting it. A <see cref="NeighbourCache"/> hands out one instance per identity, so pools can
/// compare spaces by reference.
/// </summary>
internal sealed class NeighbourSpace
{
    private NeighbourSpace(LabeledDataset data, int[] trainRows, ulong fingerprint, FeatureSpace features)
    {
        Data = data;
        TrainRows = trainRows;
        Fingerprint = fingerprint;
        Features = features;
    }

    public LabeledDataset Data { get; }

    public int[] TrainRows { get; }

    public ulong Fingerprint { get; }

    public FeatureSpace Features { get; }

    public static NeighbourSpace Create(LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        int[] rows = [.. trainRows];
        return new NeighbourSpace(data, rows, RowFingerprint.Of(rows), FeatureSpace.Create(data, rows));
    }

    public bool Matches(LabeledDataset data, ReadOnlySpan<int> trainRows, ulong fingerprint) =>
        ReferenceEquals(Data, data) && Fingerprint == fingerprint && trainRows.SequenceEqual(TrainRows);
}
