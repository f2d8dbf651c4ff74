using Dashboard.Core.Explanations;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Moves feature matrices into ML.NET data views and scores them back out.</summary>
internal static class MlNetData
{
    public const string Label = "Label";
    public const string Features = "Features";
    public const string Weight = "Weight";

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }

    public static IDataView ToDataView(MLContext ml, FeatureMatrix matrix, IReadOnlyList<int>? labels, (double Negative, double Positive) weights)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Columns);
        var rows = new Row[matrix.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var positive = labels is not null && labels[i] == 1;
            rows[i] = new Row
            {
                Label = positive,
                Features = matrix.Row(i).ToArray(),
                Weight = (float)(positive ? weights.Positive : weights.Negative),
            };
        }
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    // MLContext honours cancellation (its trainers check the host between iterations), but the
    // public entry point lives in Microsoft.ML.Experimental, which is not served here; the method
    // itself is on MLContext. Found once by reflection; when absent, cancelled fits run to their
    // iteration bound and their result is dropped by the loop.
    private static readonly System.Reflection.MethodInfo? CancelExecution =
        typeof(MLContext).GetMethod("CancelExecution", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>Cancels an ML.NET context's running trainer when the token fires (the context is unusable after).</summary>
    public static CancellationTokenRegistration CancelOn(MLContext ml, CancellationToken cancellationToken) =>
        cancellationToken.Register(() => CancelExecution?.Invoke(ml, null));

    /// <summary>A fitted ML.NET pipeline whose output has a calibrated "Probability" column.</summary>
    public class Classifier(MLContext ml, ITransformer model) : IBinaryClassifier
    {
        public virtual float[] PredictProbabilities(FeatureMatrix features) => Column(features, "Probability");

        /// <summary>One output column of the fitted pipeline ("Score" is the raw score before calibration).</summary>
        public float[] Column(FeatureMatrix features, string name)
        {
            // Prediction runs after training finished: one classifier may score on several threads.
            lock (model)
            {
                var scored = model.Transform(ToDataView(ml, features, null, (1, 1)));
                return scored.GetColumn<float>(name).ToArray();
            }
        }
    }

    /// <summary>
    /// A fitted tree ensemble that also reports its split gains per feature slot. Read from the trees only when
    /// asked (the column ranking), so a slider move's fits do no extra work.
    /// </summary>
    public sealed class TreeClassifier(MLContext ml, ITransformer model, TreeEnsembleModelParameters trees, int slots, LightGbmScorer? scorer = null)
        : Classifier(ml, model), ITreeGains, ITreeExplainable
    {
        /// <summary>The trees walked directly when a scorer reproduces ML.NET's output (<see cref="LightGbmScorer"/>), else ML.NET's scorer.</summary>
        public override float[] PredictProbabilities(FeatureMatrix features) => scorer?.Probabilities(features) ?? base.PredictProbabilities(features);

        /// <summary>True when <see cref="PredictProbabilities"/> walks the trees itself (see <see cref="LightGbmScorer"/>).</summary>
        public bool WalksTreesDirectly => scorer is not null;

        private readonly Lazy<double[]> _gains = new(() => SlotGains(trees, slots));
        private readonly Lazy<AdditiveTrees?> _explained = new(() => Explained(trees));

        public IReadOnlyList<double> SlotGains => _gains.Value;

        /// <summary>The raw score Bias + Σ weight·leaf value that ML.NET's Platt step turns into the probability; null with categorical splits.</summary>
        public AdditiveTrees? ExplainedTrees => _explained.Value;
    }

    /// <summary>
    /// ML.NET's trees in TreeSHAP's node layout. ML.NET numbers its split nodes from 0 and writes a leaf as the
    /// complement (~leaf) of its index in a child slot; here leaves follow the split nodes. Null when a tree has a
    /// categorical split (the featurizer never asks for one) or the model is not a tree ensemble ML.NET lets us read.
    /// </summary>
    private static AdditiveTrees? Explained(TreeEnsembleModelParameters parameters) => parameters switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree { TrainedTreeEnsemble: { } boosted } => Explained(boosted),
        TreeEnsembleModelParametersBasedOnQuantileRegressionTree { TrainedTreeEnsemble: { } forest } => Explained(forest),
        _ => null,
    };

    private static AdditiveTrees? Explained<TTree>(TreeEnsemble<TTree> ensemble) where TTree : RegressionTreeBase
    {
        var trees = new List<ExplainedTree>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag)) return null;
            var (splits, leaves) = (tree.NumberOfNodes, tree.NumberOfLeaves);
            var feature = Enumerable.Repeat(-1, splits + leaves).ToArray();
            var threshold = new float[splits + leaves];
            var left = Enumerable.Repeat(-1, splits + leaves).ToArray();
            var right = Enumerable.Repeat(-1, splits + leaves).ToArray();
            var leafValue = new double[splits + leaves];
            int Node(int child) => child >= 0 ? child : splits + ~child;
            for (var n = 0; n < splits; n++)
            {
                feature[n] = tree.NumericalSplitFeatureIndexes[n];
                threshold[n] = tree.NumericalSplitThresholds[n];
                left[n] = Node(tree.LeftChild[n]);
                right[n] = Node(tree.RightChild[n]);
            }
            for (var l = 0; l < leaves; l++) leafValue[splits + l] = ensemble.TreeWeights[t] * tree.LeafValues[l];
            trees.Add(new ExplainedTree(feature, threshold, left, right, leafValue));
        }
        return new AdditiveTrees(trees, ensemble.Bias, "raw score (before Platt scaling)");
    }

    /// <summary>Each slot's total split gain in a tree ensemble, dense over <paramref name="slots"/>.</summary>
    private static double[] SlotGains(TreeEnsembleModelParameters trees, int slots)
    {
        VBuffer<float> weights = default;
        trees.GetFeatureWeights(ref weights);
        var gains = new double[slots];
        var index = 0;
        foreach (var weight in weights.DenseValues())
        {
            if (index < slots) gains[index] = weight;
            index++;
        }
        return gains;
    }
}
