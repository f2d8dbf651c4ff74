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
public sealed class MullerLoop(TrainingSlots? trainingSlots = null)
{
    /// <summary>
    /// Runs every algorithm and yields results in completion order. Cancelling the token stops the
    /// run (ML.NET trainers and the MLP stop promptly; the SVM is bounded by its passes) and the
    /// enumeration throws <see cref="OperationCanceledException"/>. An algorithm that fails yields a
    /// failed result; the others carry on.
    /// </summary>
    public IAsyncEnumerable<AlgorithmResult> RunAsync(FeaturizedSplit split, TrainingRows rows,
        IReadOnlyList<AlgorithmSettings> algorithms, LoopOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var train = split.TrainingMatrix(rows.OriginalRows, rows.Synthetic);
        var data = new LoopData(train, rows.Labels, split.Test, split.TestLabels, clock.Elapsed.TotalSeconds)
            .ForRegression(split, split.TrainingTargets(rows.OriginalRows, rows.Synthetic));
        return RunAsync(data, algorithms, options, cancellationToken);
    }

    /// <summary>Runs every algorithm on already featurized rows (see <see cref="RunPreparation"/>).</summary>
    public async IAsyncEnumerable<AlgorithmResult> RunAsync(LoopData data, IReadOnlyList<AlgorithmSettings> algorithms, LoopOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var results = Channel.CreateUnbounded<AlgorithmResult>();
        var runs = algorithms.Select(settings => Task.Run(async () =>
        {
            var result = await TrainOneAsync(data, settings, options, cancellationToken);
            results.Writer.TryWrite(result);
        }, cancellationToken)).ToArray();
        _ = Task.WhenAll(runs).ContinueWith(all => results.Writer.TryComplete(all.Exception?.InnerException
            ?? (all.IsCanceled ? new OperationCanceledException(cancellationToken) : null)), TaskScheduler.Default);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
        {
            yield return result;
        }
    }

    private async Task<AlgorithmResult> TrainOneAsync(LoopData data, AlgorithmSettings settings, LoopOptions options, CancellationToken cancellationToken)
    {
        using var slot = trainingSlots is null ? null : await trainingSlots.AcquireAsync(options.Owner, cancellationToken);
        // Background work stops too when a real fit asks for its slot back; the run then ends with OperationCanceledException.
        using var fit = TrainingSlots.StopWhenReclaimed(slot, cancellationToken);
        return await RunDedicatedAsync(() => TrainOne(data, settings, options, SpareCoreFor(options.Owner), fit.Token), fit.Token,
            background: TrainingSlots.IsBackground(options.Owner));
    }

    /// <summary>
    /// A core lent by the slots when no fit waits for one (<see cref="TrainingSlots.TryLendSpare"/>), running the work on a
    /// thread of its own at the owner's priority and given back when the work ends.
    /// </summary>
    private SpareCore? SpareCoreFor(string owner) => trainingSlots is null ? null : work =>
    {
        if (trainingSlots.TryLendSpare() is not { } slot) return null;
        return RunDedicatedAsync(() =>
        {
            using (slot) work(slot.Reclaimed);
            return true;
        }, CancellationToken.None, TrainingSlots.IsBackground(owner));
    };

    /// <summary>
    /// Runs CPU-bound work on a thread of its own, not the thread pool's: with many rooms training,
    /// pool threads stay free for SignalR and Blazor I/O, so pushes are not held up behind fits.
    /// Background work (<see cref="TrainingSlots.Background"/>) runs that thread at the lowest priority
    /// (<see cref="BackgroundPriority"/>), so it takes only the cores nothing else wants.
    /// </summary>
    public static Task<T> RunDedicatedAsync<T>(Func<T> work, CancellationToken cancellationToken, bool background = false) =>
        Task.Factory.StartNew(() =>
        {
            if (background) BackgroundPriority.LowerForThisThread();
            return work();
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>A regressor's fit and its regression metrics on the test rows (for a numeric target).</summary>
    private static AlgorithmResult Regress(LoopData data, IReadOnlyList<double> targets, AlgorithmSettings settings, int seed, double featurizeSeconds, Stopwatch clock,
        SpareCore? spareCore, CancellationToken cancellationToken)
    {
        var algorithm = settings.Algorithm;
        var regress = algorithm.Regress ?? throw new InvalidOperationException(
            $"{algorithm.DisplayName} is a classifier, but the target is predicted as a number: use the regressor of its seat (AlgorithmCatalog.RegressionDefaults).");
        var model = regress(new RegressionInput(data.Train, targets, settings.Hyperparameters, seed) { SpareCore = spareCore }, cancellationToken);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        cancellationToken.ThrowIfCancellationRequested();
        var predictions = model.Predict(data.Test);
        var actual = data.TestTargets ?? throw new InvalidOperationException("Regression needs the test rows' target values.");
        return new AlgorithmResult(algorithm.Id, algorithm.DisplayName, AlgorithmStatus.Completed, settings.Hyperparameters, settings.ClassWeight,
            data.Train.Rows, null, [], data.TestLabels, [], [], [], new StageTimings(featurizeSeconds, fitSeconds, clock.Elapsed.TotalSeconds))
        {
            Regression = RegressionMetrics.Compute(actual, predictions, data.Relevance),
            TestPredictions = predictions,
            TestTargets = actual,
            Regressor = model,
        };
    }

    private static AlgorithmResult TrainOne(LoopData data, AlgorithmSettings settings, LoopOptions options, SpareCore? spareCore,
        CancellationToken cancellationToken)
    {
        var (matrix, labels, featurizeSeconds) = (data.Train, data.TrainLabels, data.FeaturizeSeconds);
        var algorithm = settings.Algorithm;
        var clock = Stopwatch.StartNew();
        double fitSeconds = 0;
        try
        {
            algorithm.Validate(settings.Hyperparameters);
            if (data.TrainTargets is { } targets) return Regress(data, targets, settings, options.Seed, featurizeSeconds, clock, spareCore, cancellationToken);
            var input = new TrainingInput(matrix, labels, settings.Hyperparameters, settings.ClassWeight, options.Seed) { SpareCore = spareCore };
            var model = algorithm.Train(input, cancellationToken);
            fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            cancellationToken.ThrowIfCancellationRequested();
            var scores = Array.ConvertAll(model.PredictProbabilities(data.Test), p => (double)p);
            var predictions = new ScoredPredictions(data.TestLabels.ToArray(), scores);
            var metrics = predictions.MetricsAt(options.Threshold);
            return new AlgorithmResult(algorithm.Id, algorithm.DisplayName, AlgorithmStatus.Completed, settings.Hyperparameters,
                settings.ClassWeight, matrix.Rows, metrics, scores, data.TestLabels, predictions.RocCurve(), predictions.PrecisionRecallCurve(),
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
                settings.ClassWeight, matrix.Rows, null, [], [], [], [], [],
                new StageTimings(featurizeSeconds, fitSeconds == 0 ? clock.Elapsed.TotalSeconds : fitSeconds, 0), exception.Message);
        }
    }
}
