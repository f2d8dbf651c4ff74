using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>The fit steps every ML.NET algorithm shares: a fresh seeded context, cancellation, the data view, Fit.</summary>
internal static class MlNetTraining
{
    /// <summary>
    /// Fits the estimator the factory builds on a fresh <see cref="MLContext"/> seeded from the input.
    /// A fresh context per fit: cancelling one makes it unusable.
    /// </summary>
    public static IBinaryClassifier Fit(TrainingInput input, CancellationToken cancellationToken,
        Func<MLContext, bool, IEstimator<ITransformer>> estimator, FeatureMatrix? features = null, IReadOnlyList<int>? labels = null,
        bool useWeights = true, Func<ITransformer, TreeEnsembleModelParameters?>? trees = null, Func<ITransformer, LightGbmScorer?>? scorer = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(input.Seed);
        var weights = useWeights ? input.ClassWeight.WeightsFor(input.Labels) : (1.0, 1.0);
        var weighted = useWeights && !input.ClassWeight.IsNone;
        var data = MlNetData.ToDataView(ml, features ?? input.Features, labels ?? input.Labels, weights);
        using var registration = MlNetData.CancelOn(ml, cancellationToken);
        try
        {
            var model = estimator(ml, weighted).Fit(data);
            cancellationToken.ThrowIfCancellationRequested();
            return trees?.Invoke(model) is { } ensemble
                ? new MlNetData.TreeClassifier(ml, model, ensemble, (features ?? input.Features).Columns, scorer?.Invoke(model))
                : new MlNetData.Classifier(ml, model);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // ML.NET reports its own cancellation as an internal error type: surface the usual one.
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>The example-weight column name when class weights apply, else null (no weights).</summary>
    public static string? WeightColumn(bool weighted) => weighted ? MlNetData.Weight : null;
}
