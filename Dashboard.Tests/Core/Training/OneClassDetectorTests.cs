using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Dashboard.Core.Training.OneClass;

namespace Dashboard.Tests.Core.Training;

/// <summary>Issue 15's one-class entries: trained on negative rows only, they score how unusual a row is.</summary>
public sealed class OneClassDetectorTests
{
    public static TheoryData<string, double> Detectors() => new()
    {
        // Malignant tumours look unusual next to benign ones; the isolation forest nearly separates them.
        { "isolation-forest", 0.9 },
        { "pca-anomaly", 0.65 },
    };

    [Theory]
    [MemberData(nameof(Detectors))]
    public void BreastCancer_BeatsChance(string algorithm, double atLeast)
    {
        var split = TrainingFixtures.BreastCancer;

        var scores = EnsembleScores.Fit(split, algorithm, seed: 42);

        var auc = new ScoredPredictions(split.TestLabels.ToArray(), scores.Select(s => (double)s).ToArray()).RocAuc;
        Assert.True(auc >= atLeast, $"{algorithm}: ROC AUC {auc:F4}");
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Fit_NeverSeesAPositiveTrainingRow(string algorithm, double _)
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var all = split.TrainingMatrix(rows.OriginalRows);
        // The positive rows' features wrecked: a detector that looked at them would change.
        var wrecked = new FeatureMatrix(all.Rows, all.Columns, (float[])all.Values.Clone());
        for (var r = 0; r < wrecked.Rows; r++)
        {
            if (rows.Labels[r] == 1) wrecked.Row(r).Fill(1e6f);
        }
        var negatives = Enumerable.Range(0, rows.Count).Where(r => rows.Labels[r] == 0).ToArray();
        float[] Scores(FeatureMatrix features, IReadOnlyList<int> labels) => AlgorithmCatalog.Get(algorithm)
            .Train(new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, 7), CancellationToken.None)
            .PredictProbabilities(split.Test);

        var withPositives = Scores(all, rows.Labels);

        Assert.Equal(withPositives, Scores(wrecked, rows.Labels));
        Assert.Equal(withPositives, Scores(all.SelectRows(negatives), negatives.Select(_ => 0).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Fit_SameSeed_SameScores(string algorithm, double _)
    {
        var split = TrainingFixtures.BreastCancer;

        Assert.Equal(EnsembleScores.Fit(split, algorithm, seed: 3), EnsembleScores.Fit(split, algorithm, seed: 3));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Fit_NoNormalRows_ClearMessage(string algorithm, double _)
    {
        var input = new TrainingInput(new FeatureMatrix(3, 1, [1, 2, 3]), [1, 1, 0], HyperparameterValues.Defaults, ClassWeighting.None, 1);

        var error = Assert.Throws<ArgumentException>(() => AlgorithmCatalog.Get(algorithm).Train(input, CancellationToken.None));

        Assert.Contains("the training rows hold 1 negative rows. It needs at least 2", error.Message);
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Descriptor_SaysItNeverSeesAPositiveRow(string algorithm, double _)
    {
        Assert.StartsWith("Never sees a positive row", AlgorithmCatalog.Get(algorithm).Caption);
    }

    [Fact]
    public void AveragePathLength_AsTheIsolationForestPaper()
    {
        // c(n) = 2 H(n - 1) - 2 (n - 1) / n with H(i) ~ ln i + Euler's gamma: c(256) = 2 (ln 255 + 0.5772...) - 510 / 256.
        Assert.Equal(0.0, IsolationForest.AveragePathLength(1));
        Assert.Equal(1.0, IsolationForest.AveragePathLength(2));
        Assert.Equal(10.2447709201, IsolationForest.AveragePathLength(256), 9);
    }

    [Fact]
    public void Squash_TypicalScoreIsOneHalf_OrderKept()
    {
        var squashed = NormalRows.Squash([0.2, 0.4, 0.8, 0], typical: 0.4);

        Assert.Equal([(float)(0.2 / 0.6), 0.5f, (float)(0.8 / 1.2), 0f], squashed);
    }
}
