using Dashboard.Core.Training.OneClass;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// One-class detection with ML.NET's randomized PCA anomaly detector, trained on the negative (normal) training rows
/// only: a row far from the subspace the normal rows span is unusual. ML.NET's score (the normalized reconstruction
/// error) is squashed into [0, 1) so that the threshold, metrics and curves work as for a classifier.
/// </summary>
internal static class PcaAnomalyAlgorithm
{
    private static readonly HyperparameterSpec Rank = new("rank", "Components", HyperparameterKind.Integer, 1, 100, 10,
        "How many principal directions describe a normal row (at most the number of feature columns; more are cut to that): more components, fewer rows look unusual.");
    private static readonly HyperparameterSpec Oversampling = new("oversampling", "Oversampling", HyperparameterKind.Integer, 0, 100, 20,
        "Extra random directions the randomized SVD uses to find the components more accurately.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "pca-anomaly", "PCA anomaly detector (one-class)", "one-class detection", [Rank, Oversampling], Train,
        ClassWeightNote: "Class weights do not apply: it learns from negative rows only.",
        Caption: "Never sees a positive row: it learns the directions normal (negative) rows vary in and scores how far each row falls outside them.")
    {
        Kind = AlgorithmKind.OneClass,
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var normal = NormalRows.Of(input, "The PCA anomaly detector");
        var ml = new MLContext(input.Seed);
        var rank = Math.Min(input.Hyperparameters.GetInt(Rank), normal.Columns);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = MlNetData.Features,
            Rank = rank,
            Oversampling = input.Hyperparameters.GetInt(Oversampling),
            EnsureZeroMean = true,
            Seed = input.Seed,
        });
        using var registration = MlNetData.CancelOn(ml, cancellationToken);
        try
        {
            var model = trainer.Fit(MlNetData.ToDataView(ml, normal, null, (1, 1)));
            var detector = new Detector(ml, model);
            return detector with { Typical = NormalRows.Median(detector.RawScores(normal)) };
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private sealed record Detector(MLContext Ml, ITransformer Model, double Typical = 1) : IBinaryClassifier
    {
        public double[] RawScores(FeatureMatrix features)
        {
            // Prediction runs after training finished: one detector may score on several threads.
            lock (Model)
            {
                return Model.Transform(MlNetData.ToDataView(Ml, features, null, (1, 1))).GetColumn<float>("Score").Select(s => (double)s).ToArray();
            }
        }

        public float[] PredictProbabilities(FeatureMatrix features) => NormalRows.Squash(RawScores(features), Typical);
    }
}
