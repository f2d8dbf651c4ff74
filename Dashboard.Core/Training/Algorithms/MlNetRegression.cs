using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>The fit and predict steps the ML.NET regressors share: a fresh seeded context, a float label, the "Score" column out.</summary>
internal static class MlNetRegression
{
    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public static IRegressor Fit(RegressionInput input, CancellationToken cancellationToken, Func<MLContext, IEstimator<ITransformer>> estimator)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(input.Seed);
        var data = ToDataView(ml, input.Features, input.Targets);
        using var registration = MlNetData.CancelOn(ml, cancellationToken);
        try
        {
            var model = estimator(ml).Fit(data);
            cancellationToken.ThrowIfCancellationRequested();
            return new Regressor(ml, model);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static IDataView ToDataView(MLContext ml, FeatureMatrix matrix, IReadOnlyList<double>? targets)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[MlNetData.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Columns);
        var rows = new Row[matrix.Rows];
        for (var i = 0; i < rows.Length; i++) rows[i] = new Row { Label = targets is null ? 0 : (float)targets[i], Features = matrix.Row(i).ToArray() };
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class Regressor(MLContext ml, ITransformer model) : IRegressor
    {
        public double[] Predict(FeatureMatrix features)
        {
            // Prediction runs after training finished: one model may score on several threads.
            lock (model)
            {
                return model.Transform(ToDataView(ml, features, null)).GetColumn<float>("Score").Select(s => (double)s).ToArray();
            }
        }
    }
}
