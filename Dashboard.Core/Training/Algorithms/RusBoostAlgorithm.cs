using Dashboard.Core.Common;
using Dashboard.Core.Explanations;
using Dashboard.Core.Training.Ensembles;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// RUSBoost (Seiffert et al. 2010), as imbalanced-learn's RUSBoostClassifier with its defaults: AdaBoost's real
/// variant (SAMME.R) over decision stumps, where each round first undersamples the majority class at random to the
/// minority's size and fits the stump on those rows with their current boosting weights; the weights are then
/// updated on all training rows. Own trees (<see cref="TreeGrower"/>): ML.NET has no AdaBoost, and its boosting
/// trainers cannot take new row weights and a new row sample between rounds.
/// </summary>
internal static class RusBoostAlgorithm
{
    private static readonly HyperparameterSpec Rounds = new("rounds", "Boosting rounds", HyperparameterKind.Integer, 1, 500, 50,
        "How many weak trees, each on a fresh balanced sample, each paying more attention to the rows the previous ones got wrong.");
    private static readonly HyperparameterSpec MaxDepth = new("maxDepth", "Tree depth", HyperparameterKind.Integer, 1, 10, 1,
        "Depth of each weak tree: 1 is a stump (one question), as imbalanced-learn's default.");
    private static readonly HyperparameterSpec LearningRate = new("learningRate", "Learning rate", HyperparameterKind.Real, 0.01, 2, 1,
        "How strongly each round re-weights the rows: smaller is slower but steadier.", LogScale: true);

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "rusboost", "RUSBoost", "imbalance-aware ensemble", [Rounds, MaxDepth, LearningRate], Train,
        Caption: "Balances the classes again inside: every boosting round undersamples the majority to the minority's size.")
    {
        Kind = AlgorithmKind.BalancingEnsemble,
    };

    /// <summary>numpy's float64 eps: probabilities are clipped to it before their log, as scikit-learn does.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>log p − log(1 − p), both clipped at <see cref="Epsilon"/>.</summary>
    private static double LogOdds(double p) => Math.Log(Math.Max(p, Epsilon)) - Math.Log(Math.Max(1 - p, Epsilon));

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        BalancedSample.RequireBothClasses(input.Labels, "RUSBoost");
        var hp = input.Hyperparameters;
        var (rounds, learningRate) = (hp.GetInt(Rounds), hp.Get(LearningRate));
        var options = new TreeOptions(hp.GetInt(MaxDepth));
        var binned = BinnedFeatures.Create(input.Features);
        var labels = input.Labels;
        var n = labels.Count;
        var all = Enumerable.Range(0, n).ToArray();
        // AdaBoost starts from equal weights; class weights, when chosen, scale them.
        var weights = BalancedSample.ClassWeights(all, labels, input.ClassWeight.WeightsFor(labels));
        var total = weights.Sum();
        for (var i = 0; i < n; i++) weights[i] /= total;
        var stumps = new List<DecisionTree>();
        for (var round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = SeededRandom.For(input.Seed, $"rusboost.{round}");
            var rows = BalancedSample.Undersample(all, labels, random);
            var stump = TreeGrower.Grow(binned, labels, rows, Array.ConvertAll(rows, r => weights[r]), options, random);
            stumps.Add(stump);

            double wrong = 0, sum = 0;
            var logRatio = new double[n];
            for (var i = 0; i < n; i++)
            {
                var p = stump.Predict(binned, i);
                // np.argmax picks the negative class on a tie.
                if ((p > 0.5 ? 1 : 0) != labels[i]) wrong += weights[i];
                sum += weights[i];
                logRatio[i] = LogOdds(p);
            }
            if (wrong / sum <= 0 || round == rounds - 1) break;
            // SAMME.R with two classes: a row's weight grows by exp(-rate/2 * (log p(true class) - log p(other class))).
            for (var i = 0; i < n; i++) weights[i] *= Math.Exp(-learningRate * 0.5 * (labels[i] == 1 ? logRatio[i] : -logRatio[i]));
            var newTotal = weights.Sum();
            if (!double.IsFinite(newTotal) || newTotal <= 0) break;
            for (var i = 0; i < n; i++) weights[i] /= newTotal;
        }
        return new Classifier(stumps, input.Features.Columns);
    }

    /// <summary>scikit-learn's SAMME.R probability for two classes: the sigmoid of the stumps' mean log-odds.</summary>
    private sealed class Classifier(IReadOnlyList<DecisionTree> stumps, int slots) : IBinaryClassifier, ITreeGains, ITreeExplainable
    {
        private readonly Lazy<double[]> _gains = new(() => DecisionTree.SlotGains(stumps, slots));

        public IReadOnlyList<double> SlotGains => _gains.Value;

        /// <summary>The mean log-odds: each leaf holds its log-odds divided by the number of rounds.</summary>
        public AdditiveTrees ExplainedTrees => new(stumps.Select(s => s.Explained(p => LogOdds(p) / stumps.Count)).ToArray(), 0,
            "log-odds (the rounds' mean; probability = 1 / (1 + e^-value))");

        public float[] PredictProbabilities(FeatureMatrix features)
        {
            var probabilities = new float[features.Rows];
            for (var r = 0; r < features.Rows; r++)
            {
                var row = features.Row(r);
                var logOdds = 0.0;
                foreach (var stump in stumps) logOdds += LogOdds(stump.Predict(row));
                probabilities[r] = (float)(1 / (1 + Math.Exp(-logOdds / stumps.Count)));
            }
            return probabilities;
        }
    }
}
