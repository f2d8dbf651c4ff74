using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Core.Training;

/// <summary>
/// Turns slider changes into the rows a run trains and tests on. The honest path resamples only
/// the training rows of the fixed split and scores on the untouched test rows. Leaky mode (a
/// teaching aid) resamples every row first and splits afterwards, so synthetic near-copies land
/// in the test rows and every score inflates.
/// </summary>
public static class RunPreparation
{
    /// <param name="neighbours">The session's neighbour lists for this split (e.g. its workspace's), so the next slider move searches only
    /// rows not searched before; null searches afresh. The rows are the same either way.</param>
    public static PreparedRun Prepare(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes, int seed, bool leaky = false,
        NeighbourCache? neighbours = null, CancellationToken cancellationToken = default)
    {
        var options = ResamplingOptions.Default with { Neighbours = neighbours };
        return leaky ? PrepareLeaky(split, changes, seed, options, cancellationToken) : PrepareHonest(split, changes, seed, options, cancellationToken);
    }

    private static PreparedRun PrepareHonest(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes, int seed, ResamplingOptions options,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var resampled = Resampler.Apply(split.Data, split.Split.TrainRows, changes, seed, options, cancellationToken);
        var resampleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var train = split.TrainingMatrix(resampled.OriginalRows, resampled.Synthetic);
        var data = new LoopData(train, resampled.Labels, split.Test, split.TestLabels, clock.Elapsed.TotalSeconds)
            .ForRegression(split, split.TrainingTargets(resampled.OriginalRows, resampled.Synthetic));
        return new PreparedRun(data, Summarize(split.Split.TrainRows.Count, resampled, resampleSeconds, leaky: false, split.Split.TestRows.Count), resampled);
    }

    private static PreparedRun PrepareLeaky(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes, int seed, ResamplingOptions options,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var allRows = Enumerable.Range(0, split.Data.RowCount).ToArray();
        var resampled = Resampler.Apply(split.Data, allRows, changes, seed, options, cancellationToken);
        var resampleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        // The mistake on purpose: split AFTER resampling, over real and synthetic rows alike.
        var everything = split.TrainingMatrix(resampled.OriginalRows, resampled.Synthetic);
        var leakySplit = StratifiedSplitter.Split(resampled.Labels.ToArray(), split.Split.TestShare, split.Split.Seed);
        var labels = resampled.Labels;
        var targets = split.TrainingTargets(resampled.OriginalRows, resampled.Synthetic);
        var data = new LoopData(
            everything.SelectRows(leakySplit.TrainRows), leakySplit.TrainRows.Select(r => labels[r]).ToArray(),
            everything.SelectRows(leakySplit.TestRows), leakySplit.TestRows.Select(r => labels[r]).ToArray(),
            clock.Elapsed.TotalSeconds);
        if (targets is not null && split.Data.Regression is { } regression)
        {
            data = data with
            {
                TrainTargets = leakySplit.TrainRows.Select(r => targets[r]).ToArray(),
                TestTargets = leakySplit.TestRows.Select(r => targets[r]).ToArray(),
                Relevance = regression.Relevance,
            };
        }
        // The models learn from the training part of the split made after resampling and are scored on its test part:
        // the summary gives those counts, not the resampled total.
        var summary = Summarize(allRows.Length, resampled, resampleSeconds, leaky: true, leakySplit.TestRows.Count) with
        {
            RowsAfter = leakySplit.TrainRows.Count,
            PositivesAfter = data.TrainLabels.Count(l => l == 1),
        };
        return new PreparedRun(data, summary, resampled);
    }

    private static TrainingSummary Summarize(int rowsBefore, ResampledTrainingSet resampled, double seconds, bool leaky, int testRows) =>
        new(rowsBefore, resampled.RowCount, resampled.Labels.Count(l => l == 1), resampled.Synthetic.RowCount, resampled.Changes,
            resampled.Warnings.Select(w => w.Message).ToArray(), seconds, leaky, testRows);
}
