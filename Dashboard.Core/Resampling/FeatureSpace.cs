using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The feature columns that distances and interpolation use (the labeled data set's features: not the
/// target, not excluded columns), and the standardization of the numeric ones, fitted on the
/// training rows only so test rows never influence a distance.
/// </summary>
internal sealed class FeatureSpace
{
    private FeatureSpace(LabeledDataset data, NumericColumn[] numeric, CategoricalColumn[] categorical, double[] mean, double[] scale)
    {
        Data = data;
        Numeric = numeric;
        Categorical = categorical;
        Mean = mean;
        Scale = scale;
    }

    public LabeledDataset Data { get; }

    public NumericColumn[] Numeric { get; }

    public CategoricalColumn[] Categorical { get; }

    /// <summary>Training-row mean of each numeric feature.</summary>
    public double[] Mean { get; }

    /// <summary>Training-row population standard deviation of each numeric feature (1 for a constant column, as scikit-learn's StandardScaler).</summary>
    public double[] Scale { get; }

    public static FeatureSpace Create(LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        var features = data.FeatureNames.Select(data.Data.Column).ToArray();
        var numeric = features.OfType<NumericColumn>().ToArray();
        var categorical = features.OfType<CategoricalColumn>().ToArray();
        var mean = new double[numeric.Length];
        var scale = new double[numeric.Length];
        var rows = trainRows.ToArray(); // an array, not an interface, in the loops below
        Parallel.For(0, numeric.Length, f =>
        {
            (mean[f], var sd) = MeanAndDeviation(numeric[f].Values, rows);
            scale[f] = sd > 0 ? sd : 1;
        });
        return new FeatureSpace(data, numeric, categorical, mean, scale);
    }

    public int NumericIndexOf(string column) => Array.FindIndex(Numeric, c => c.Name == column);

    public int CategoricalIndexOf(string column) => Array.FindIndex(Categorical, c => c.Name == column);

    /// <summary>A value in standard units; NaN for a missing (or infinite) value.</summary>
    public float Standardize(int feature, double value)
    {
        var z = (value - Mean[feature]) / Scale[feature];
        return double.IsFinite(z) ? (float)z : float.NaN;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(ReadOnlySpan<double> values, int[] rows)
    {
        double sum = 0;
        var count = 0;
        foreach (var row in rows)
        {
            var v = values[row];
            if (!double.IsFinite(v)) continue;
            sum += v;
            count++;
        }
        if (count == 0) return (0, 1);
        var mean = sum / count;
        double squares = 0;
        foreach (var row in rows)
        {
            var v = values[row];
            if (double.IsFinite(v)) squares += (v - mean) * (v - mean);
        }
        return (mean, Math.Sqrt(squares / count));
    }
}
