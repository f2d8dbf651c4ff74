using Dashboard.Core.Common;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// Issue 16's forest seat: its own leaf-wise histogram forest, held to the ROC AUC (and for a numeric target the R²) of
/// the ML.NET FastForest it replaced (run here as <see cref="FastForestReference"/> and <see cref="FastForestRegressionReference"/>),
/// deterministic per seed, with its leaf budget, class weights and gains.
/// </summary>
public sealed class RandomForestTests
{
    private const double AucTolerance = 0.01;

    public static TheoryData<string, string> BundledSets() => new()
    {
        { "titanic", "survived" },
        { "lending_club", "Class" },
        { "breast_cancer_wisconsin", "diagnosis" },
    };

    [Theory]
    [MemberData(nameof(BundledSets))]
    public void RocAuc_NoMoreThanTolerance_BelowFastForest(string dataSet, string target)
    {
        var split = TrainingFixtures.Prepare(dataSet, target);
        var input = Input(split, seed: 42);

        var forest = RocAuc(split, AlgorithmCatalog.Get("random-forest").Train(input, CancellationToken.None));
        var fastForest = RocAuc(split, FastForestReference.Descriptor.Train(input, CancellationToken.None));

        Assert.True(forest >= fastForest - AucTolerance, $"{dataSet}: ROC AUC {forest:F4}, FastForest's {fastForest:F4}");
    }

    [Fact]
    public void Fit_SameSeed_SameScores_OtherSeed_OtherScores()
    {
        var split = TrainingFixtures.BreastCancer;

        var first = EnsembleScores.Fit(split, "random-forest", seed: 3);
        var again = EnsembleScores.Fit(split, "random-forest", seed: 3);
        var other = EnsembleScores.Fit(split, "random-forest", seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Fit_WithASpareCore_HelperGrowsTrees_SameBitsAsAlone()
    {
        var split = TrainingFixtures.LendingClub;
        var input = Input(split, seed: 5);
        var forest = AlgorithmCatalog.Get("random-forest");
        var helperThreads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var lent = 0;
        // Two spare cores: two helpers beside the fit's own thread.
        var helped = input with
        {
            SpareCore = work => Interlocked.Increment(ref lent) > 2 ? null : Task.Factory.StartNew(() =>
            {
                helperThreads.Add(Environment.CurrentManagedThreadId);
                work(CancellationToken.None);
            }, TaskCreationOptions.LongRunning),
        };

        var alone = forest.Train(input, CancellationToken.None).PredictProbabilities(split.Test);
        var together = forest.Train(helped, CancellationToken.None).PredictProbabilities(split.Test);

        Assert.Equal(2, helperThreads.Count);
        Assert.Equal(alone, together);
    }

    [Fact]
    public void Fit_HelperAskedBackAtOnce_TheFitGrowsEveryTreeItself()
    {
        var split = TrainingFixtures.BreastCancer;
        var input = Input(split, seed: 5);
        var forest = AlgorithmCatalog.Get("random-forest");
        var asked = 0;
        // Every helper finds its core wanted back before its first tree: it must stop without taking one.
        var reclaimed = input with
        {
            SpareCore = work =>
            {
                Interlocked.Increment(ref asked);
                return Task.Run(() => work(new CancellationToken(canceled: true)));
            },
        };

        var alone = forest.Train(input, CancellationToken.None).PredictProbabilities(split.Test);
        var withoutHelp = forest.Train(reclaimed, CancellationToken.None).PredictProbabilities(split.Test);

        Assert.True(asked > 1, "the fit asks again for a core after a helper gave its back");
        Assert.Equal(alone, withoutHelp);
    }

    [Fact]
    public async Task Loop_TheForestStartedLast_BorrowsTheCoreTheOthersLeft()
    {
        var split = TrainingFixtures.LendingClub;
        var rows = TrainingFixtures.Baseline(split);
        var slots = new TrainingSlots(2);
        var lent = 0;
        var settings = new[] { AlgorithmSettings.Default(TrainingFixtures.Waiting("quick", TimeSpan.Zero)), AlgorithmSettings.Default(AlgorithmCatalog.Get("random-forest")) };
        var reference = EnsembleScores.Fit(split, "random-forest", seed: 42);
        slots.SpareLent += () => Interlocked.Increment(ref lent);

        var results = await new MullerLoop(slots).RunAsync(split, rows, settings, new LoopOptions(0.5, 42)).ToListAsync();

        var forest = results.Single(r => r.AlgorithmId == "random-forest");
        Assert.Equal(AlgorithmStatus.Completed, forest.Status);
        Assert.True(lent > 0, "the forest grew trees on the core the quick fit left");
        Assert.Equal(reference, forest.TestScores.Select(s => (float)s).ToArray());
    }

    [Fact]
    public void Descriptor_KeepsFastForestsSettings_SoStoredSettingsStillLoad()
    {
        var forest = AlgorithmCatalog.Get("random-forest");
        var stored = new HyperparameterValues(FastForestReference.Descriptor.Hyperparameters.ToDictionary(h => h.Name, h => h.Default));

        forest.Validate(stored);

        Assert.Equal(("Random forest", "random forest"), (forest.DisplayName, forest.Role));
        Assert.Equal(FastForestReference.Descriptor.Hyperparameters.Select(h => (h.Name, h.Label, h.Kind, h.Min, h.Max, h.Default)),
            forest.Hyperparameters.Select(h => (h.Name, h.Label, h.Kind, h.Min, h.Max, h.Default)));
    }

    [Fact]
    public void Fit_LeavesSetting_BoundsEveryTree()
    {
        var split = TrainingFixtures.BreastCancer;
        var input = Input(split, seed: 1) with { Hyperparameters = HyperparameterValues.Defaults.With("leaves", 4).With("trees", 10) };

        var forest = Assert.IsType<TreeEnsembleClassifier>(AlgorithmCatalog.Get("random-forest").Train(input, CancellationToken.None));

        Assert.Equal(10, forest.Trees.Count);
        Assert.All(forest.Trees, tree => Assert.Equal(4, Enumerable.Range(0, tree.NodeCount).Count(tree.IsLeaf)));
    }

    [Fact]
    public void Fit_FeatureFraction_EachTreeSplitsOnlyOnItsShare()
    {
        var split = TrainingFixtures.BreastCancer;
        var input = Input(split, seed: 1) with { Hyperparameters = HyperparameterValues.Defaults.With("featureFraction", 0.1) };

        var forest = Assert.IsType<TreeEnsembleClassifier>(AlgorithmCatalog.Get("random-forest").Train(input, CancellationToken.None));

        // 10 % of breast cancer's 30 columns: each tree may use 3, and together the trees use many more.
        Assert.All(forest.Trees, tree => Assert.InRange(tree.Feature.Where(f => f >= 0).Distinct().Count(), 1, 3));
        Assert.True(forest.Trees.SelectMany(t => t.Feature).Where(f => f >= 0).Distinct().Count() > 10);
    }

    [Fact]
    public void Fit_PositiveClassWeighed_RaisesTheProbabilities()
    {
        var split = TrainingFixtures.LendingClub;

        var plain = EnsembleScores.Fit(split, "random-forest", seed: 1);
        var weighted = EnsembleScores.Fit(split, "random-forest", seed: 1, weighting: new ClassWeighting(ClassWeightMode.Custom, 10));

        // The leaves hold weighted shares of positive rows, and no calibration step undoes the weights afterwards.
        Assert.True(weighted.Average() > 2 * plain.Average(), $"mean probability {weighted.Average():F3} weighted, {plain.Average():F3} not");
    }

    [Fact]
    public void Fit_ReportsGains_OnTheSlotsItSplitsOn()
    {
        var split = TrainingFixtures.BreastCancer;

        var gains = Assert.IsAssignableFrom<ITreeGains>(AlgorithmCatalog.Get("random-forest").Train(Input(split, seed: 1), CancellationToken.None)).SlotGains;

        Assert.Equal(split.Test.Columns, gains.Count);
        Assert.All(gains, g => Assert.True(g >= 0));
        Assert.True(gains.Count(g => g > 0) > 5, "a forest of 100 trees splits on many of the 30 columns");
    }

    [Fact]
    public void Fit_CancelledToken_StopsWithOperationCanceled()
    {
        var input = Input(TrainingFixtures.BreastCancer, seed: 1);

        Assert.ThrowsAny<OperationCanceledException>(() => AlgorithmCatalog.Get("random-forest").Train(input, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData("titanic", "survived")]
    [InlineData("lending_club", "Class")]
    public void LeafwiseGrower_NoLeafBudget_GrowsTheDepthFirstGrowersTree(string dataSet, string target)
    {
        // With every feature, one row per leaf allowed and no leaf budget, growing leaf by leaf from histograms
        // (uncommon bins only, subtraction for the larger child) must reach the same leaves as TreeGrower's plain
        // counting. Unit weights keep every histogram sum exact, so no rounding can reorder two equal splits.
        var split = TrainingFixtures.Prepare(dataSet, target);
        var rows = TrainingFixtures.Baseline(split);
        var binned = BinnedFeatures.Create(split.TrainingMatrix(rows.OriginalRows));
        var all = Enumerable.Range(0, binned.Rows).ToArray();
        var ones = Enumerable.Repeat(1.0, all.Length).ToArray();
        var features = Enumerable.Range(0, binned.Columns).ToArray();

        var leafwise = new LeafwiseTreeGrower(SparseRowBins.Create(binned)).Grow(rows.Labels.Select(l => (double)l).ToArray(), all, ones, features, maxLeaves: int.MaxValue, minRowsPerLeaf: 1);
        var depthFirst = TreeGrower.Grow(binned, rows.Labels, all, ones, new TreeOptions(MaxDepth: int.MaxValue), new SeededRandom(1));

        Assert.Equal(depthFirst.NodeCount, leafwise.NodeCount);
        Assert.Equal(all.Select(r => depthFirst.Predict(binned, r)), all.Select(r => leafwise.Predict(binned, r)));
        // The same Gini decreases, reached as twice the squared-error decrease here: equal up to rounding.
        Assert.Equal(depthFirst.Gain.Where(g => g > 0).Order(), leafwise.Gain.Where(g => g > 0).Order(), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
    }

    [Fact]
    public void LeafwiseGrower_SplitsTheLeafThatGainsMostFirst()
    {
        // The root splits on feature 0 (Gini decrease 0.3). Its left child's best split (feature 1) would lower the
        // impurity by 1/3, its right child's (feature 2) by 1.5: with a budget of three leaves only the right one splits.
        var matrix = new FeatureMatrix(10, 3, [1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0]);
        int[] labels = [0, 0, 0, 0, 1, 0, 1, 1, 0, 1];
        var all = Enumerable.Range(0, 10).ToArray();

        var tree = new LeafwiseTreeGrower(SparseRowBins.Create(BinnedFeatures.Create(matrix)))
            .Grow(labels.Select(l => (double)l).ToArray(), all, Enumerable.Repeat(1.0, 10).ToArray(), [0, 1, 2], maxLeaves: 3, minRowsPerLeaf: 1);

        Assert.Equal(5, tree.NodeCount);
        Assert.Equal((0, -1, 2), (tree.Feature[0], tree.Feature[tree.Left[0]], tree.Feature[tree.Right[0]]));
        Assert.Equal([0.3, 1.5], new[] { tree.Gain[0], tree.Gain[tree.Right[0]] }.Select(g => Math.Round(g, 9)));
        Assert.Equal([0.5, 1.0, 0.0], new[] { tree.Predict([0f, 1f, 1f]), tree.Predict([1f, 1f, 0f]), tree.Predict([1f, 0f, 1f]) });
    }

    [Fact]
    public void DistinctBootstrap_CountsTheSameDrawsAsBootstrapThenDistinct()
    {
        var counted = BalancedSample.DistinctBootstrap(500, new SeededRandom(9));
        var sorted = BalancedSample.Distinct(BalancedSample.Bootstrap(Enumerable.Range(0, 500).ToArray(), 500, new SeededRandom(9)));

        Assert.Equal(sorted.Rows, counted.Rows);
        Assert.Equal(sorted.Copies, counted.Copies);
        Assert.Equal(500, counted.Copies.Sum());
    }

    [Fact]
    public void Regression_Ames_RSquaredNoMoreThanTolerance_BelowFastForest()
    {
        var split = TrainingFixtures.Prepare("ames_housing", "Sale_Price");
        var input = RegressionInput(split, seed: 42);

        var forest = RSquared(split, AlgorithmCatalog.Get("random-forest", TargetTask.Regression).Regress!(input, CancellationToken.None));
        var fastForest = RSquared(split, FastForestRegressionReference.Descriptor.Regress!(input, CancellationToken.None));

        Assert.True(forest >= fastForest - AucTolerance, $"ames: R² {forest:F4}, FastForest's {fastForest:F4}");
    }

    [Fact]
    public void Regression_SameSeed_SamePredictions_OtherSeed_Other()
    {
        var split = TrainingFixtures.Prepare("ames_housing", "Sale_Price");
        var forest = AlgorithmCatalog.Get("random-forest", TargetTask.Regression).Regress!;

        var first = forest(RegressionInput(split, seed: 3), CancellationToken.None).Predict(split.Test);
        var again = forest(RegressionInput(split, seed: 3), CancellationToken.None).Predict(split.Test);
        var other = forest(RegressionInput(split, seed: 4), CancellationToken.None).Predict(split.Test);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static RegressionInput RegressionInput(FeaturizedSplit split, int seed)
    {
        var rows = TrainingFixtures.Baseline(split);
        return new RegressionInput(split.TrainingMatrix(rows.OriginalRows), split.TrainingTargets(rows.OriginalRows)!, HyperparameterValues.Defaults, seed);
    }

    private static double RSquared(FeaturizedSplit split, IRegressor model)
    {
        var actual = split.TestTargets!;
        var predicted = model.Predict(split.Test);
        var mean = actual.Average();
        return 1 - actual.Select((y, i) => (y - predicted[i]) * (y - predicted[i])).Sum() / actual.Sum(y => (y - mean) * (y - mean));
    }

    private static TrainingInput Input(FeaturizedSplit split, int seed)
    {
        var rows = TrainingFixtures.Baseline(split);
        return new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, HyperparameterValues.Defaults, ClassWeighting.None, seed);
    }

    private static double RocAuc(FeaturizedSplit split, IBinaryClassifier model) =>
        MetricsCalculator.Compute(split.TestLabels.ToArray(), model.PredictProbabilities(split.Test).Select(s => (double)s).ToArray()).RocAuc;
}
