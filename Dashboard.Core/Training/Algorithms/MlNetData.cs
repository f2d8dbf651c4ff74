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
        public float[] PredictProbabilities(FeatureMatrix features)
        {
            // Prediction runs after training finished: one classifier may score on several threads.
            lock (model)
            {
                var scored = model.Transform(ToDataView(ml, features, null, (1, 1)));
                return scored.GetColumn<float>("Probability").ToArray();
            }
        }
    }

    /// <summary>
    /// A fitted tree ensemble that also reports its split gains per feature slot. Read from the trees only when
    /// asked (the column ranking), so a slider move's fits do no extra work.
    /// </summary>
    public sealed class TreeClassifier(MLContext ml, ITransformer model, TreeEnsembleModelParameters trees, int slots) : Classifier(ml, model), ITreeGains
    {
        private readonly Lazy<double[]> _gains = new(() => SlotGains(trees, slots));

        public IReadOnlyList<double> SlotGains => _gains.Value;
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
