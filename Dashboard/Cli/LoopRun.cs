using System.Diagnostics;
using Dashboard.Core.Metrics;
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
    /// <summary>Per algorithm id, the threshold chosen on validation rows (`loop --best-threshold`); null when not asked.</summary>
    public IReadOnlyDictionary<string, TunedThreshold>? Tuned { get; init; }

    /// <summary>Seconds from resampled rows to all results: featurizing them plus training and scoring every algorithm.</summary>
    public double FromResampledSeconds => Prepared.Data.FeaturizeSeconds + AllResultsSeconds;

    /// <param name="slots">How many algorithms may train at once; 0 for no limit. The app's default is one per core.</param>
    /// <param name="previous">The run before this one: its fit times decide which algorithm starts first (StartOrder), as in a room.</param>
    /// <param name="classWeight">The class-weight option every algorithm trains with (none unless given).</param>
    public static async Task<LoopRun> RunAsync(FeaturizedSplit split, IReadOnlyList<DistributionChange> changes,
        IReadOnlyList<AlgorithmDescriptor> algorithms, LoopOptions options, int slots, CancellationToken cancellationToken,
        LoopRun? previous = null, ClassWeighting? classWeight = null)
    {
        var prepared = RunPreparation.Prepare(split, changes, options.Seed, leaky: false, cancellationToken: cancellationToken);
        var loop = new MullerLoop(slots > 0 ? new TrainingSlots(slots) : null);
        var finished = new List<Finished>(algorithms.Count);
        var clock = Stopwatch.StartNew();
        var lastFitSeconds = previous?.Results.ToDictionary(f => f.Result.AlgorithmId, f => f.Result.Timings.FitSeconds) ?? [];
        var settings = StartOrder.For(algorithms.Select(a => new AlgorithmSettings(a, HyperparameterValues.Defaults, classWeight ?? ClassWeighting.None)),
            lastFitSeconds);
        await foreach (var result in loop.RunAsync(prepared.Data, settings, options, cancellationToken))
        {
            finished.Add(new Finished(result, finished.Count + 1, clock.Elapsed.TotalSeconds));
        }
        var all = clock.Elapsed.TotalSeconds;
        var ordered = algorithms.Select(a => finished.Single(f => f.Result.AlgorithmId == a.Id)).ToArray();
        return new LoopRun(prepared, ordered, finished.Min(f => f.Seconds), all);
    }

    /// <param name="Metric">The metric the threshold maximised on the validation rows; null when it minimised the expected cost.</param>
    /// <param name="ValidationValue">That metric's value, or the expected cost per row, on the validation rows.</param>
    /// <param name="TestMetrics">Every test metric at the chosen threshold, recomputed from the stored scores.</param>
    /// <param name="TestExpectedCost">The expected cost per test row at the chosen threshold (with costs 1 and 1 unless given).</param>
    internal sealed record TunedThreshold(MetricId? Metric, double Threshold, double ValidationValue, int ValidationRows,
        BinaryMetrics TestMetrics, double TestExpectedCost);

    /// <param name="CompletionOrder">1 for the algorithm that finished first.</param>
    /// <param name="Seconds">From the start of training to this result.</param>
    internal sealed record Finished(AlgorithmResult Result, int CompletionOrder, double Seconds);
}
