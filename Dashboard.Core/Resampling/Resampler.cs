using System.Runtime.InteropServices;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The resampling engine: what runs when a slider moves. It takes only training rows, so test rows
/// can never be touched, and never changes the data set it is given.
/// </summary>
public static class Resampler
{
    /// <inheritdoc cref="Apply(LabeledDataset, IReadOnlyList{int}, IReadOnlyList{DistributionChange}, int, ResamplingOptions, CancellationToken)"/>
    public static ResampledTrainingSet Apply(LabeledDataset data, IReadOnlyList<int> trainRows, IReadOnlyList<DistributionChange> changes,
        int seed, CancellationToken cancellationToken = default) =>
        Apply(data, trainRows, changes, seed, ResamplingOptions.Default, cancellationToken);

    /// <summary>
    /// Applies <paramref name="changes"/> in order (feature sliders first, the class slider last) to the
    /// training rows; each change sees the rows the earlier ones produced. The same data, changes and
    /// seed always give the same rows. Bad settings and empty groups throw a <see cref="DatasetException"/>
    /// with a message for the user; everything else that cannot be done exactly is done as well as it
    /// can and reported as a warning.
    /// </summary>
    /// <param name="trainRows">Distinct row indices into <c>data.Data</c>: the training part of the split.</param>
    public static ResampledTrainingSet Apply(LabeledDataset data, IReadOnlyList<int> trainRows, IReadOnlyList<DistributionChange> changes,
        int seed, ResamplingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(options);
        ValidateRows(data, trainRows);
        if (!(options.MaxShare > 0 && options.MaxShare < 1) || options.ExactSearchLimit < 1 || options.MaxSyntheticRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "MaxShare must lie in (0, 1), ExactSearchLimit be positive, MaxSyntheticRows not negative.");
        }
        var space = options.Neighbours?.Space(data, trainRows);
        var work = new WorkingSet(space?.Features ?? FeatureSpace.Create(data, trainRows), trainRows);
        var reports = new List<ChangeReport>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(ChangeRunner.Run(new ChangeContext(work, options, seed, i, cancellationToken, space), changes[i]));
        }
        return Result(work, reports);
    }

    private static void ValidateRows(LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        ArgumentNullException.ThrowIfNull(trainRows);
        if (trainRows.Count == 0) throw new ArgumentException("There are no training rows to resample.", nameof(trainRows));
        var seen = new bool[data.RowCount];
        foreach (var row in trainRows)
        {
            if (row < 0 || row >= data.RowCount) throw new ArgumentOutOfRangeException(nameof(trainRows), row, "A training row is outside the data set.");
            if (seen[row]) throw new ArgumentException($"Training row {row} appears twice.", nameof(trainRows));
            seen[row] = true;
        }
    }

    private static ResampledTrainingSet Result(WorkingSet work, IReadOnlyList<ChangeReport> reports)
    {
        var (originals, synthetic) = Split(CollectionsMarshal.AsSpan(work.Entries));
        var store = work.Synthetic;
        var dataLabels = work.Space.Data.Labels;
        var syntheticLabels = store.LabelsOf(synthetic);
        var labels = new int[originals.Length + synthetic.Length];
        for (var i = 0; i < originals.Length; i++) labels[i] = dataLabels[originals[i]];
        syntheticLabels.CopyTo(labels, originals.Length);
        return new ResampledTrainingSet(work.Space.Data.Data, originals, store.ToDataset(work.Space, synthetic),
            syntheticLabels, store.OriginsOf(synthetic), labels, reports);
    }

    /// <summary>The real rows and the synthetic ids of the working set, each in order; arrays of the exact size, so nothing is copied again.</summary>
    private static (int[] Originals, int[] Synthetic) Split(ReadOnlySpan<int> entries)
    {
        var syntheticCount = 0;
        foreach (var entry in entries)
        {
            if (entry < 0) syntheticCount++;
        }
        var originals = new int[entries.Length - syntheticCount];
        var synthetic = new int[syntheticCount];
        int o = 0, s = 0;
        foreach (var entry in entries)
        {
            if (entry >= 0) originals[o++] = entry;
            else synthetic[s++] = ~entry;
        }
        return (originals, synthetic);
    }
}
