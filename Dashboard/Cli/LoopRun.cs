using System.Diagnostics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>
/// One Muller-loop run as `loop` prints it and `bench loop` times it: resample and featurize the
/// training rows (<see cref="RunPreparation"/>), then train every algorithm at once and score it on
/// the untouched test rows, noting when each result arrives.
/// </summary>
/// <param name="Results">One per algorithm, in the order asked for (not the order they finished).</param>
/// <param name="FirstResultSeconds">From the start of training (rows resampled and featurized) to the first result.</param>
/// <param name="AllResultsSeconds">From the start of training to the last result.</param>
internal sealed record LoopRun(PreparedRun Prepared, IReadOnlyList<LoopRun.Finished> Results, double FirstResultSeconds, double AllResultsSeconds)
{
    /// <summary>Seconds from resampled rows to all results: featurizing them plus training and scoring every algorithm.</summary>
    public double FromResampledSeconds => Prepared.Data.FeaturizeSeconds + AllResultsSeconds;

    /// <param name="slots">How many algorithms may train at once; 0 for no limit. The app's default is one per core.</param>
    public static async Task<LoopRun> RunAsync(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes,
        IReadOnlyList<AlgorithmDescriptor> algorithms, LoopOptions options, int slots, CancellationToken cancellationToken)
    {
        var prepared = RunPreparation.Prepare(split, changes, options.Seed, leaky: false, cancellationToken: cancellationToken);
        var loop = new MullerLoop(slots > 0 ? new TrainingSlots(slots) : null);
        var finished = new List<Finished>(algorithms.Count);
        var clock = Stopwatch.StartNew();
        await foreach (var result in loop.RunAsync(prepared.Data, algorithms.Select(AlgorithmSettings.Default).ToArray(), options, cancellationToken))
        {
            finished.Add(new Finished(result, finished.Count + 1, clock.Elapsed.TotalSeconds));
        }
        var all = clock.Elapsed.TotalSeconds;
        var ordered = algorithms.Select(a => finished.Single(f => f.Result.AlgorithmId == a.Id)).ToArray();
        return new LoopRun(prepared, ordered, finished.Min(f => f.Seconds), all);
    }

    /// <param name="CompletionOrder">1 for the algorithm that finished first.</param>
    /// <param name="Seconds">From the start of training to this result.</param>
    internal sealed record Finished(AlgorithmResult Result, int CompletionOrder, double Seconds);
}
