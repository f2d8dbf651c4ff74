using Dashboard.Core.Common;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Tests.Core.Training;

/// <summary>The tree learner and balanced draws under the ensembles, and the ensembles' determinism and guard rails.</summary>
public sealed class EnsembleTreeTests
{
    public static TheoryData<string> Ensembles() => ["balanced-random-forest", "balanced-bagging", "easy-ensemble", "rusboost"];

    [Fact]
    public void BinnedFeatures_FewValues_CutHalfwayBetweenNeighbours()
    {
        var matrix = new FeatureMatrix(5, 1, [3f, 1f, 2f, 1f, 5f]);

        var binned = BinnedFeatures.Create(matrix);

        // Distinct 1, 2, 3, 5: edges 1.5, 2.5, 4, and each value in the bin of the first edge at or above it.
        Assert.Equal(4, binned.BinCount(0));
        Assert.Equal([1.5f, 2.5f, 4f], Enumerable.Range(0, 3).Select(b => binned.Edge(0, b)));
        Assert.Equal([2, 0, 1, 0, 3], binned.Column(0).ToArray().Select(b => (int)b));
    }

    [Fact]
    public void BinnedFeatures_ManyValues_AtMostMaxBins_OrderKept()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (float)Math.Sqrt(i)).ToArray();

        var binned = BinnedFeatures.Create(new FeatureMatrix(1000, 1, values));

        Assert.Equal(BinnedFeatures.MaxBins, binned.BinCount(0));
        var bins = binned.Column(0).ToArray();
        Assert.True(bins.Zip(bins.Skip(1), (a, b) => a <= b).All(x => x), "bins must rise with the values");
        var last = BinnedFeatures.MaxBins - 1;
        // A value lies above the edge below its bin and at or below its bin's own edge.
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(
            (bins[i] == 0 || values[i] > binned.Edge(0, bins[i] - 1)) && (bins[i] == last || values[i] <= binned.Edge(0, bins[i])), $"row {i}"));
    }

    [Fact]
    public void Grow_OneInformativeFeature_SplitsHalfwayWithHandComputedGain()
    {
        // Feature 0 is noise-free: x <= 2 negative, x >= 3 positive; feature 1 is constant and never used.
        var matrix = new FeatureMatrix(6, 2, [1, 7, 2, 7, 2, 7, 3, 7, 4, 7, 5, 7]);
        int[] labels = [0, 0, 0, 1, 1, 1];
        var rows = Enumerable.Range(0, 6).ToArray();

        var tree = TreeGrower.Grow(BinnedFeatures.Create(matrix), labels, rows, [1, 1, 1, 1, 1, 1], new TreeOptions(MaxDepth: 10), new SeededRandom(1));

        Assert.Equal(3, tree.NodeCount);
        Assert.Equal(0, tree.Feature[0]);
        Assert.Equal(2.5f, tree.Threshold[0]);
        // Weighted Gini decrease: 6 x 0.5 before, two pure children after.
        Assert.Equal(3.0, tree.Gain[0], 12);
        Assert.Equal([0.0, 1.0], new[] { tree.Value[tree.Left[0]], tree.Value[tree.Right[0]] });
        Assert.Equal(6.0, tree.Cover[0]);
        Assert.Equal(1.0, tree.Predict([2.6f, 0]));
        Assert.Equal(0.0, tree.Predict([2.5f, 0]));
    }

    [Fact]
    public void Grow_RowWeights_CountInTheLeafShares()
    {
        var matrix = new FeatureMatrix(4, 1, [1, 1, 1, 1]);
        int[] labels = [1, 0, 0, 0];

        // One positive row weighing 3 against three negatives weighing 1: a single leaf at 50 %.
        var tree = TreeGrower.Grow(BinnedFeatures.Create(matrix), labels, [0, 1, 2, 3], [3, 1, 1, 1], new TreeOptions(MaxDepth: 5), new SeededRandom(1));

        Assert.Equal(1, tree.NodeCount);
        Assert.Equal(0.5, tree.Value[0], 12);
        Assert.Equal(6.0, tree.Cover[0], 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // balanced class weights: weights that are not whole numbers take the pass per feature throughout
    public void Grow_EveryFeatureTried_LargeNodesFromTheRowsUncommonBins_GrowTheSameTreesAsAPassPerFeature(bool balanced)
    {
        var split = TrainingFixtures.LendingClub;
        var baseline = TrainingFixtures.Baseline(split);
        var input = new TrainingInput(split.TrainingMatrix(baseline.OriginalRows), baseline.Labels, HyperparameterValues.Defaults,
            balanced ? new ClassWeighting(ClassWeightMode.Balanced) : ClassWeighting.None, 42);
        int[] Draw(IReadOnlyList<int> all, SeededRandom random) =>
            BalancedSample.Undersample(BalancedSample.Bootstrap(all, all.Count, random), input.Labels, random);

        // FeaturesPerSplit 0 takes the row-wise histograms for nodes of 48 rows or more; naming every feature takes the pass per feature.
        var sparse = BaggedTrees.Fit(input, "bagging", 3, new TreeOptions(64), Draw, CancellationToken.None);
        var dense = BaggedTrees.Fit(input, "bagging", 3, new TreeOptions(64, FeaturesPerSplit: input.Features.Columns), Draw, CancellationToken.None);

        Assert.Equal(dense.PredictProbabilities(split.Test), sparse.PredictProbabilities(split.Test));
    }

    [Fact]
    public void Undersample_KeepsEveryMinorityRow_AndAsManyDistinctMajorityRows()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? 1 : 0).ToArray();
        var rows = Enumerable.Range(0, 100).ToArray();

        var sample = BalancedSample.Undersample(rows, labels, new SeededRandom(7));

        Assert.Equal(20, sample.Length);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 10), sample.Where(r => labels[r] == 1).Order());
        Assert.Equal(10, sample.Where(r => labels[r] == 0).Distinct().Count());
        Assert.Equal(sample, BalancedSample.Undersample(rows, labels, new SeededRandom(7)));
    }

    [Theory]
    [MemberData(nameof(Ensembles))]
    public void Fit_SameSeed_SameScores_OtherSeed_OtherScores(string algorithm)
    {
        var split = TrainingFixtures.BreastCancer;

        var first = EnsembleScores.Fit(split, algorithm, seed: 3);
        var again = EnsembleScores.Fit(split, algorithm, seed: 3);
        var other = EnsembleScores.Fit(split, algorithm, seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [MemberData(nameof(Ensembles))]
    public void Fit_OneClass_ClearMessage(string algorithm)
    {
        var input = new TrainingInput(new FeatureMatrix(4, 1, [1, 2, 3, 4]), [0, 0, 0, 0], HyperparameterValues.Defaults, ClassWeighting.None, 1);

        var error = Assert.Throws<ArgumentException>(() => AlgorithmCatalog.Get(algorithm).Train(input, CancellationToken.None));

        Assert.Contains("only one class", error.Message);
    }

    [Theory]
    [MemberData(nameof(Ensembles))]
    [InlineData("isolation-forest")]
    [InlineData("pca-anomaly")]
    public void Fit_CancelledToken_StopsWithOperationCanceled(string algorithm)
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, HyperparameterValues.Defaults, ClassWeighting.None, 1);

        Assert.ThrowsAny<OperationCanceledException>(() => AlgorithmCatalog.Get(algorithm).Train(input, new CancellationToken(canceled: true)));
    }

    [Theory]
    [MemberData(nameof(Ensembles))]
    public void Descriptor_SaysTheEnsembleBalancesAgainInside(string algorithm)
    {
        Assert.StartsWith("Balances the classes again inside", AlgorithmCatalog.Get(algorithm).Caption);
    }

    [Fact]
    public void TreeEnsembles_ReportGains_OnTheSlotsTheySplitOn()
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, HyperparameterValues.Defaults, ClassWeighting.None, 1);

        var gains = Assert.IsAssignableFrom<ITreeGains>(AlgorithmCatalog.Get("balanced-random-forest").Train(input, CancellationToken.None)).SlotGains;

        Assert.Equal(split.Test.Columns, gains.Count);
        Assert.All(gains, g => Assert.True(g >= 0));
        Assert.True(gains.Count(g => g > 0) > 5, "a forest of 100 trees splits on many of the 30 columns");
    }
}
