using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public class MullerLoopTests
{
    private static async Task<List<AlgorithmResult>> RunAsync(FeaturizedSplit split, IEnumerable<AlgorithmSettings> algorithms,
        int seed = 42, CancellationToken cancellationToken = default)
    {
        var results = new List<AlgorithmResult>();
        await foreach (var result in new MullerLoop().RunAsync(split, TrainingFixtures.Baseline(split), algorithms.ToArray(), new LoopOptions(Seed: seed), cancellationToken))
        {
            results.Add(result);
        }
        return results;
    }

    private static IEnumerable<AlgorithmSettings> Defaults => AlgorithmCatalog.Defaults.Select(AlgorithmSettings.Default);

    [Fact]
    public async Task RunAsync_FourDefaults_EachCompletesWithMetricsAndCurves()
    {
        var split = TrainingFixtures.BreastCancer;

        var results = await RunAsync(split, Defaults);

        Assert.Equal(["lightgbm", "mlp", "random-forest", "svm"], results.Select(r => r.AlgorithmId).Order());
        Assert.All(results, r =>
        {
            Assert.Equal(AlgorithmStatus.Completed, r.Status);
            Assert.Equal(split.Test.Rows, r.TestScores.Count);
            Assert.Equal(split.Test.Rows, r.Metrics!.Confusion.Total);
            Assert.True(r.Metrics.RocAuc > 0.95, $"{r.AlgorithmId}: ROC AUC {r.Metrics.RocAuc}");
            Assert.NotEmpty(r.RocCurve);
            Assert.Equal(101, r.SensitivitySpecificityCurve.Count);
            Assert.True(r.Timings.FitSeconds > 0);
        });
    }

    [Fact]
    public async Task RunAsync_SameSeedTwice_IdenticalScores()
    {
        var split = TrainingFixtures.BreastCancer;

        var first = (await RunAsync(split, Defaults)).OrderBy(r => r.AlgorithmId).ToArray();
        var second = (await RunAsync(split, Defaults)).OrderBy(r => r.AlgorithmId).ToArray();

        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].TestScores, second[i].TestScores);
        }
    }

    [Fact]
    public async Task RunAsync_FastAndSlowAlgorithms_YieldsInCompletionOrder()
    {
        var split = TrainingFixtures.BreastCancer;
        var slow = TrainingFixtures.Waiting("slow", TimeSpan.FromMilliseconds(600));
        var fast = TrainingFixtures.Waiting("fast", TimeSpan.FromMilliseconds(10));

        var results = await RunAsync(split, [AlgorithmSettings.Default(slow), AlgorithmSettings.Default(fast)]);

        Assert.Equal(["fast", "slow"], results.Select(r => r.AlgorithmId));
    }

    [LinuxFact]
    public async Task RunAsync_BackgroundOwner_ItsFitsRunAtTheLowestPriority_ARoomsFitsDoNot()
    {
        var split = TrainingFixtures.BreastCancer;
        var niceOf = new System.Collections.Concurrent.ConcurrentDictionary<string, int?>();
        AlgorithmDescriptor Recording(string id)
        {
            var inner = TrainingFixtures.Waiting(id, TimeSpan.Zero);
            return inner with { Train = (input, token) => { niceOf[id] = BackgroundPriority.CurrentNice(); return inner.Train(input, token); } };
        }
        var loop = new MullerLoop(new TrainingSlots(2));
        var rows = TrainingFixtures.Baseline(split);

        await foreach (var _ in loop.RunAsync(split, rows, [AlgorithmSettings.Default(Recording("real"))], new LoopOptions(Owner: "room K7Q"))) { }
        await foreach (var _ in loop.RunAsync(split, rows, [AlgorithmSettings.Default(Recording("ahead"))], new LoopOptions(Owner: TrainingSlots.Background("speculation K7Q")))) { }

        // The process's own priority (a test run may itself be started under `nice`).
        var usual = await Task.Run(BackgroundPriority.CurrentNice);
        Assert.NotEqual(BackgroundPriority.Nice, usual);
        Assert.Equal(usual, niceOf["real"]);
        Assert.Equal(BackgroundPriority.Nice, niceOf["ahead"]);
        // The lowered thread was the fit's own: the pool's threads are as they were.
        await Task.Run(() => Assert.Equal(usual, BackgroundPriority.CurrentNice()));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsPromptlyAndNextRunIsCorrect()
    {
        var split = TrainingFixtures.BreastCancer;
        var endless = TrainingFixtures.Waiting("endless", TimeSpan.FromMinutes(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(split, [AlgorithmSettings.Default(endless)], cancellationToken: cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        var next = await RunAsync(split, [AlgorithmSettings.Default(AlgorithmCatalog.Get("lightgbm"))]);
        Assert.Equal(AlgorithmStatus.Completed, Assert.Single(next).Status);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringRealTraining_ThrowsOperationCanceled()
    {
        var split = TrainingFixtures.LendingClub;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(split, Defaults, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task RunAsync_OneAlgorithmWithBadSetting_FailsAloneWithMessage()
    {
        var split = TrainingFixtures.BreastCancer;
        var lightgbm = AlgorithmCatalog.Get("lightgbm");
        var bad = new AlgorithmSettings(lightgbm, HyperparameterValues.Defaults.With("leaves", 1), ClassWeighting.None);

        var results = await RunAsync(split, [bad, AlgorithmSettings.Default(AlgorithmCatalog.Get("svm"))]);

        var failed = Assert.Single(results, r => r.Status == AlgorithmStatus.Failed);
        Assert.Equal("lightgbm", failed.AlgorithmId);
        Assert.Contains("Leaves per tree must be between 2 and 256; 1 was given.", failed.Error);
        Assert.Equal(AlgorithmStatus.Completed, results.Single(r => r.AlgorithmId == "svm").Status);
    }

    [Fact]
    public async Task RunAsync_LendingClub_EveryAlgorithmBeatsMajorityBaseline()
    {
        // A majority-class baseline scores every row the same: ROC AUC 0.5.
        var split = TrainingFixtures.LendingClub;

        var results = await RunAsync(split, Defaults);

        Assert.All(results, r => Assert.True(r.Metrics!.RocAuc > 0.6, $"{r.AlgorithmId}: ROC AUC {r.Metrics.RocAuc:F3}"));
    }

    [Fact]
    public async Task RunAsync_ExtrasAndClassWeights_Complete()
    {
        var split = TrainingFixtures.BreastCancer;
        var balanced = new ClassWeighting(ClassWeightMode.Balanced);

        var results = await RunAsync(split, AlgorithmCatalog.All.Select(a => new AlgorithmSettings(a, HyperparameterValues.Defaults, balanced)));

        Assert.Equal(AlgorithmCatalog.All.Count, results.Count);
        Assert.All(results, r => Assert.Equal(AlgorithmStatus.Completed, r.Status));
    }

    [Fact]
    public void Catalog_DefaultsInRunOrder_WithSchemas()
    {
        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp"], AlgorithmCatalog.Defaults.Select(a => a.Id));
        Assert.All(AlgorithmCatalog.All, a =>
        {
            Assert.NotEmpty(a.Hyperparameters);
            Assert.All(a.Hyperparameters, h => Assert.Null(h.Validate(h.Default)));
        });
    }
}
