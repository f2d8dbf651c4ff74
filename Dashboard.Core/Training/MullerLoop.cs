using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Training;

/// <summary>
/// The "Muller loop": trains several classifiers on the same training rows and scores each on the
/// same untouched test rows, so they compare side by side. All algorithms train at once, each
/// single-threaded with its own seeded context (on 2 cores, four single-threaded fits beat four
/// fits that each try to use every core), and each result is yielded the moment it is ready.
/// </summary>
public sealed class MullerLoop(SemaphoreSlim? trainingSlots = null)
{
    /// <summary>
    /// Runs every algorithm and yields results in completion order. Cancelling the token stops the
    /// run (ML.NET trainers and the MLP stop promptly; LinearSvm is bounded by its passes) and the
    /// enumeration throws <see cref="OperationCanceledException"/>. An algorithm that fails yields a
    /// failed result; the others carry on.
    /// </summary>
    public async IAsyncEnumerable<AlgorithmResult> RunAsync(FeaturizedSplit split, TrainingRows rows,
        IReadOnlyList<AlgorithmSettings> algorithms, LoopOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var matrix = split.TrainingMatrix(rows.OriginalRows, rows.Synthetic);
        var featurizeSeconds = clock.Elapsed.TotalSeconds;

        var results = Channel.CreateUnbounded<AlgorithmResult>();
        var runs = algorithms.Select(settings => Task.Run(async () =>
        {
            var result = await TrainOneAsync(split, matrix, rows.Labels, settings, options, featurizeSeconds, cancellationToken);
            results.Writer.TryWrite(result);
        }, cancellationToken)).ToArray();
        _ = Task.WhenAll(runs).ContinueWith(all => results.Writer.TryComplete(all.Exception?.InnerException
            ?? (all.IsCanceled ? new OperationCanceledException(cancellationToken) : null)), TaskScheduler.Default);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
        {
            yield return result;
        }
    }

    private async Task<AlgorithmResult> TrainOneAsync(FeaturizedSplit split, FeatureMatrix matrix, IReadOnlyList<int> labels,
        AlgorithmSettings settings, LoopOptions options, double featurizeSeconds, CancellationToken cancellationToken)
    {
        if (trainingSlots is not null) await trainingSlots.WaitAsync(cancellationToken);
        try
        {
            return TrainOne(split, matrix, labels, settings, options, featurizeSeconds, cancellationToken);
        }
        finally
        {
            trainingSlots?.Release();
        }
    }

    private static AlgorithmResult TrainOne(FeaturizedSplit split, FeatureMatrix matrix, IReadOnlyList<int> labels,
        AlgorithmSettings settings, LoopOptions options, double featurizeSeconds, CancellationToken cancellationToken)
    {
        var algorithm = settings.Algorithm;
        var clock = Stopwatch.StartNew();
        double fitSeconds = 0;
        try
        {
            algorithm.Validate(settings.Hyperparameters);
            var model = algorithm.Train(new TrainingInput(matrix, labels, settings.Hyperparameters, settings.ClassWeight, options.Seed), cancellationToken);
            fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            cancellationToken.ThrowIfCancellationRequested();
            var scores = Array.ConvertAll(model.PredictProbabilities(split.Test), p => (double)p);
            var predictions = new ScoredPredictions(split.TestLabels.ToArray(), scores);
            var metrics = predictions.MetricsAt(options.Threshold);
            return new AlgorithmResult(algorithm.Id, algorithm.DisplayName, AlgorithmStatus.Completed, settings.Hyperparameters,
                settings.ClassWeight, matrix.Rows, metrics, scores, predictions.RocCurve(), predictions.PrecisionRecallCurve(),
                predictions.SensitivitySpecificityCurve(MetricsCalculator.UniformThresholds(101)),
                new StageTimings(featurizeSeconds, fitSeconds, clock.Elapsed.TotalSeconds))
            {
                Model = model,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One algorithm failing (bad settings, a trainer error) must not stop the others.
            return new AlgorithmResult(algorithm.Id, algorithm.DisplayName, AlgorithmStatus.Failed, settings.Hyperparameters,
                settings.ClassWeight, matrix.Rows, null, [], [], [], [],
                new StageTimings(featurizeSeconds, fitSeconds == 0 ? clock.Elapsed.TotalSeconds : fitSeconds, 0), exception.Message);
        }
    }
}
