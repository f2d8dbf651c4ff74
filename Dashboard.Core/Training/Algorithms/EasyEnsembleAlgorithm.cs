using Dashboard.Core.Common;
using Dashboard.Core.Training.Ensembles;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// EasyEnsemble (Liu, Wu and Zhou 2009): several balanced subsets (every minority row and as many majority rows,
/// drawn afresh for each), a boosted learner on each, their probabilities averaged. The boosted learner is ML.NET's
/// LightGBM (single-threaded, deterministic, seeded per subset), where imbalanced-learn's EasyEnsembleClassifier uses
/// AdaBoost over 50 stumps: ML.NET has no AdaBoost, and gradient-boosted trees are the boosting the course teaches.
/// </summary>
internal static class EasyEnsembleAlgorithm
{
    private static readonly HyperparameterSpec Subsets = new("subsets", "Balanced subsets", HyperparameterKind.Integer, 1, 50, 10,
        "How many balanced subsets, one boosted model each: more subsets see more of the majority class.");
    private static readonly HyperparameterSpec Rounds = new("rounds", "Boosting rounds", HyperparameterKind.Integer, 5, 500, 50,
        "Trees each boosted model builds one after another.");
    private static readonly HyperparameterSpec Leaves = new("leaves", "Leaves per tree", HyperparameterKind.Integer, 2, 64, 8,
        "How many end nodes each boosted tree may have.");
    private static readonly HyperparameterSpec LearningRate = new("learningRate", "Learning rate", HyperparameterKind.Real, 0.001, 1, 0.1,
        "How much each new tree counts: smaller is slower but steadier.", LogScale: true);

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "easy-ensemble", "EasyEnsemble", "imbalance-aware ensemble", [Subsets, Rounds, Leaves, LearningRate], Train,
        Caption: "Balances the classes again inside: each boosted model learns from every minority row and an equal share of the majority.")
    {
        Kind = AlgorithmKind.BalancingEnsemble,
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        BalancedSample.RequireBothClasses(input.Labels, "EasyEnsemble");
        var hp = input.Hyperparameters;
        var all = Enumerable.Range(0, input.Features.Rows).ToArray();
        var members = new List<IBinaryClassifier>();
        for (var s = 0; s < hp.GetInt(Subsets); s++)
        {
            var random = SeededRandom.For(input.Seed, $"easy-ensemble.{s}");
            var rows = BalancedSample.Undersample(all, input.Labels, random);
            var subset = input with
            {
                Features = input.Features.SelectRows(rows),
                Labels = Array.ConvertAll(rows, r => input.Labels[r]),
                Seed = random.NextInt(int.MaxValue),
            };
            members.Add(MlNetTraining.Fit(subset, cancellationToken, (ml, weighted) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = MlNetData.Label,
                FeatureColumnName = MlNetData.Features,
                ExampleWeightColumnName = MlNetTraining.WeightColumn(weighted),
                NumberOfIterations = hp.GetInt(Rounds),
                NumberOfLeaves = hp.GetInt(Leaves),
                LearningRate = hp.Get(LearningRate),
                // A balanced subset of a small minority has a few hundred rows: LightGBM's default of 20 would stop most splits.
                MinimumExampleCountPerLeaf = 5,
                NumberOfThreads = 1,
                Deterministic = true,
                Seed = subset.Seed,
                Silent = true,
                Verbose = false,
            })));
        }
        return new AveragingClassifier(members);
    }

    private sealed class AveragingClassifier(IReadOnlyList<IBinaryClassifier> members) : IBinaryClassifier
    {
        public float[] PredictProbabilities(FeatureMatrix features)
        {
            var sum = new double[features.Rows];
            foreach (var member in members)
            {
                var probabilities = member.PredictProbabilities(features);
                for (var i = 0; i < sum.Length; i++) sum[i] += probabilities[i];
            }
            return Array.ConvertAll(sum, s => (float)(s / members.Count));
        }
    }
}
