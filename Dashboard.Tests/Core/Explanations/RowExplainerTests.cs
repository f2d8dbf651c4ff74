using Dashboard.Core.Explanations;
using Dashboard.Core.Importance;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Algorithms;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Explanations;

/// <summary>Issue 15's per-row explanations: additivity, zero for an unused column, equality with brute-force Shapley values.</summary>
public sealed class RowExplainerTests
{
    private static readonly FeatureSlot[] TinySlots = [new("a", "a"), new("b", "b"), new("unused", "unused")];

    public static TheoryData<string> TreeModels() => ["lightgbm", "fasttree", "random-forest", "balanced-random-forest", "balanced-bagging", "rusboost"];

    [Theory]
    [MemberData(nameof(TreeModels))]
    public void TreeModels_Exact_BaseValuePlusContributions_IsTheModelsOwnOutput(string algorithm)
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");
        var (model, training) = Train(split, algorithm);
        var rowIds = split.Split.TestRows.Take(4).ToArray();
        var rows = split.AllRows.SelectRows(rowIds);

        var explanations = RowExplainer.Explain(algorithm, model, rows, rowIds, split.Featurizer.Slots, training, new ExplanationOptions(BackgroundRows: 30), CancellationToken.None);

        var own = OwnOutput(algorithm, model, rows);
        Assert.All(explanations.Select((e, i) => (e, i)), x =>
        {
            Assert.Equal(ExplanationMethod.TreeShap, x.e.Method);
            Assert.Equal(rowIds[x.i], x.e.Row);
            Assert.True(Math.Abs(x.e.BaseValue + x.e.Contributions.Sum(c => c.Contribution) - x.e.Value) < 1e-6, $"row {x.e.Row}: not additive");
            Assert.True(Math.Abs(x.e.Value - own[x.i]) < 1e-4, $"row {x.e.Row}: explained {x.e.Value}, the model says {own[x.i]}");
            Assert.Equal(split.Featurizer.Slots.Select(s => s.SourceColumn).Distinct().Order(), x.e.Contributions.Select(c => c.Column).Order());
            Assert.All(x.e.Contributions, c => Assert.Null(c.StandardError));
        });
    }

    [Fact]
    public void LinearSvm_Exact_AdditiveMargin_OrderedAsItsProbabilities()
    {
        var split = TrainingFixtures.BreastCancer;
        var (model, training) = Train(split, "svm");
        var rowIds = split.Split.TestRows.Take(6).ToArray();
        var rows = split.AllRows.SelectRows(rowIds);

        var explanations = RowExplainer.Explain("svm", model, rows, rowIds, split.Featurizer.Slots, training, new ExplanationOptions(), CancellationToken.None);

        Assert.All(explanations, e =>
        {
            Assert.Equal(ExplanationMethod.Linear, e.Method);
            Assert.True(Math.Abs(e.BaseValue + e.Contributions.Sum(c => c.Contribution) - e.Value) < 1e-6);
        });
        // Platt scaling is increasing in the margin: the explained margins order the rows as the probabilities do.
        var probabilities = model.PredictProbabilities(rows);
        Assert.Equal(Enumerable.Range(0, 6).OrderBy(i => probabilities[i]), Enumerable.Range(0, 6).OrderBy(i => explanations[i].Value));
    }

    [Fact]
    public void Mlp_Sampling_AddsUpExactly_WithErrorBars()
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");
        var (model, training) = Train(split, "mlp");
        var rowIds = split.Split.TestRows.Take(2).ToArray();
        var rows = split.AllRows.SelectRows(rowIds);

        var explanations = RowExplainer.Explain("mlp", model, rows, rowIds, split.Featurizer.Slots, training, new ExplanationOptions(Samples: 200), CancellationToken.None);

        var probabilities = model.PredictProbabilities(rows);
        Assert.All(explanations.Select((e, i) => (e, i)), x =>
        {
            Assert.Equal(ExplanationMethod.SamplingShapley, x.e.Method);
            Assert.Equal(probabilities[x.i], x.e.Value, 6);
            Assert.True(Math.Abs(x.e.BaseValue + x.e.Contributions.Sum(c => c.Contribution) - x.e.Value) < 1e-6);
            Assert.All(x.e.Contributions, c => Assert.True(c.StandardError >= 0));
            Assert.Contains(x.e.Contributions, c => c.StandardError > 0);
        });
    }

    [Theory]
    [InlineData("balanced-random-forest")]
    [InlineData("lightgbm")]
    [InlineData("rusboost")]
    [InlineData("svm")]
    [InlineData("mlp")]
    public void ColumnTheModelCannotUse_GetsZero(string algorithm)
    {
        var (features, labels) = TinyData();
        var model = AlgorithmCatalog.Get(algorithm).Train(new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, 1), CancellationToken.None);

        var explanations = RowExplainer.Explain(algorithm, model, features.SelectRows([0, 7, 33]), [0, 7, 33], TinySlots, features,
            new ExplanationOptions(Samples: 50), CancellationToken.None);

        // The third column is constant: no tree can split on it, its linear term is w · (0 - 0), and switching it changes no input.
        Assert.All(explanations, e => Assert.Equal(0.0, e.Contributions.Single(c => c.Column == "unused").Contribution));
        Assert.All(explanations, e => Assert.Contains(e.Contributions, c => c.Contribution != 0));
    }

    [Theory]
    [InlineData("balanced-random-forest")]
    [InlineData("lightgbm")]
    [InlineData("rusboost")]
    public void TreeShap_EqualsBruteForceShapley_OverAllEightSubsets(string algorithm)
    {
        var (features, labels) = TinyData(informativeThird: true);
        var model = AlgorithmCatalog.Get(algorithm).Train(new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, 1), CancellationToken.None);
        var trees = ((ITreeExplainable)model).ExplainedTrees!;

        // Background = all 40 training rows, so the brute force below averages over exactly the same rows.
        var explanations = RowExplainer.Explain(algorithm, model, features.SelectRows([3, 21, 38]), [3, 21, 38], TinySlots, features,
            new ExplanationOptions(BackgroundRows: 100), CancellationToken.None);

        foreach (var (e, row) in explanations.Zip(new[] { 3, 21, 38 }))
        {
            var exact = BruteForceShapley(features.Row(row).ToArray(), features, mixed => trees.Value(mixed));
            for (var i = 0; i < 3; i++) Assert.Equal(exact[i], e.Contributions.Single(c => c.Column == TinySlots[i].SourceColumn).Contribution, 9);
        }
    }

    [Fact]
    public void SamplingShapley_ConvergesToBruteForceShapley_WithinItsErrorBars()
    {
        var (features, labels) = TinyData(informativeThird: true);
        var model = AlgorithmCatalog.Get("mlp").Train(new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, 1), CancellationToken.None);

        var explanation = RowExplainer.Explain("mlp", model, features.SelectRows([5]), [5], TinySlots, features,
            new ExplanationOptions(BackgroundRows: 100, Samples: 20_000), CancellationToken.None).Single();

        var exact = BruteForceShapley(features.Row(5).ToArray(), features, mixed => model.PredictProbabilities(new FeatureMatrix(1, 3, mixed))[0]);
        for (var i = 0; i < 3; i++)
        {
            var estimate = explanation.Contributions.Single(c => c.Column == TinySlots[i].SourceColumn);
            Assert.True(Math.Abs(estimate.Contribution - exact[i]) <= 4 * estimate.StandardError!.Value + 1e-6,
                $"{estimate.Column}: {estimate.Contribution} ± {estimate.StandardError}, exact {exact[i]}");
        }
    }

    [Fact]
    public void Explain_BadRequests_ClearMessages()
    {
        var (features, labels) = TinyData();
        var model = AlgorithmCatalog.Get("svm").Train(new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, 1), CancellationToken.None);
        IReadOnlyList<RowExplanation> Explain(IReadOnlyList<int> ids, FeatureSlot[] slots, ExplanationOptions options) =>
            RowExplainer.Explain("svm", model, features.SelectRows([0, 1]), ids, slots, features, options, CancellationToken.None);

        Assert.Contains("2 rows need as many row ids; 1 were given", Assert.Throws<ArgumentException>(() => Explain([0], TinySlots, new())).Message);
        Assert.Contains("but the featurizer has 2 slots", Assert.Throws<ArgumentException>(() => Explain([0, 1], TinySlots[..2], new())).Message);
        Assert.Contains("at least 1 background row and 2 samples",
            Assert.Throws<ArgumentOutOfRangeException>(() => Explain([0, 1], TinySlots, new(Samples: 1))).Message);
    }

    [Fact]
    public void ContributionRanking_MeanAbsoluteContribution_LargestFirst()
    {
        RowExplanation Row(double a, double b) => new(0, "m", ExplanationMethod.Linear, "margin", 0, a + b, [new("a", a), new("b", b)]);

        var ranking = ContributionRanking.Rank([Row(0.1, -0.6), Row(-0.3, 0.2)]);

        Assert.Equal(["b", "a"], ranking.Select(r => r.Column));
        Assert.Equal(0.4, ranking[0].MeanAbsoluteContribution, 12);
        Assert.Equal(0.2, ranking[1].MeanAbsoluteContribution, 12);
    }

    /// <summary>φ_i = Σ over S ⊆ N \ {i} of |S|!(n − |S| − 1)!/n! · (v(S ∪ {i}) − v(S)), v(S) = mean over z of f(x on S, z elsewhere).</summary>
    private static double[] BruteForceShapley(float[] x, FeatureMatrix background, Func<float[], double> f)
    {
        const int n = 3;
        double Value(int subset)
        {
            var sum = 0.0;
            for (var b = 0; b < background.Rows; b++)
            {
                var mixed = background.Row(b).ToArray();
                for (var i = 0; i < n; i++) if ((subset & (1 << i)) != 0) mixed[i] = x[i];
                sum += f(mixed);
            }
            return sum / background.Rows;
        }
        double[] factorial = [1, 1, 2, 6];
        var phi = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var subset = 0; subset < 1 << n; subset++)
            {
                if ((subset & (1 << i)) != 0) continue;
                var size = System.Numerics.BitOperations.PopCount((uint)subset);
                phi[i] += factorial[size] * factorial[n - size - 1] / factorial[n] * (Value(subset | (1 << i)) - Value(subset));
            }
        }
        return phi;
    }

    /// <summary>40 rows: the label follows a (and a little b); the third column is constant 0, or a weak signal when asked.</summary>
    private static (FeatureMatrix Features, int[] Labels) TinyData(bool informativeThird = false)
    {
        var values = new float[40 * 3];
        var labels = new int[40];
        for (var i = 0; i < 40; i++)
        {
            var (a, b, c) = (i % 10 / 10f, i * 7 % 13 / 13f, informativeThird ? i * 3 % 7 / 7f : 0f);
            (values[i * 3], values[i * 3 + 1], values[i * 3 + 2]) = (a, b, c);
            labels[i] = a + 0.3 * b + 0.2 * c > 0.75 ? 1 : 0;
        }
        return (new FeatureMatrix(40, 3, values), labels);
    }

    private static (IBinaryClassifier Model, FeatureMatrix Training) Train(FeaturizedSplit split, string algorithm)
    {
        var rows = TrainingFixtures.Baseline(split);
        var training = split.TrainingMatrix(rows.OriginalRows);
        var model = AlgorithmCatalog.Get(algorithm).Train(new TrainingInput(training, rows.Labels, HyperparameterValues.Defaults, ClassWeighting.None, 42), CancellationToken.None);
        return (model, training);
    }

    /// <summary>What the model itself says the explained output is: ML.NET's raw Score, the forests' probability, RUSBoost's log-odds.</summary>
    private static double[] OwnOutput(string algorithm, IBinaryClassifier model, FeatureMatrix rows) => algorithm switch
    {
        "lightgbm" or "fasttree" => ((MlNetData.Classifier)model).Column(rows, "Score").Select(s => (double)s).ToArray(),
        "rusboost" => model.PredictProbabilities(rows).Select(p => Math.Log(p / (1.0 - p))).ToArray(),
        _ => model.PredictProbabilities(rows).Select(p => (double)p).ToArray(),
    };
}
