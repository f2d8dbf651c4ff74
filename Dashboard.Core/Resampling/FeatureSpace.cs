using System.Runtime.CompilerServices;
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
        Parallel.For(0, (numeric.Length + Fitted.Width - 1) / Fitted.Width, group =>
        {
            var first = group * Fitted.Width;
            // A short last group repeats its last feature; the repeats are computed and dropped.
            ReadOnlySpan<double> Column(int i) => numeric[Math.Min(first + i, numeric.Length - 1)].Values;
            var fitted = MeansAndDeviations(Column(0), Column(1), Column(2), Column(3), rows);
            for (var i = 0; i < Fitted.Width && first + i < numeric.Length; i++)
            {
                mean[first + i] = fitted.Mean[i];
                scale[first + i] = fitted.Deviation[i] > 0 ? fitted.Deviation[i] : 1;
            }
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

    /// <summary>
    /// Mean and population deviation of the finite values of four features over the rows, in two passes. Each feature's
    /// sums are still taken row by row in training-row order, so the results are bit for bit those of one feature at a
    /// time; four independent sums just keep the adder busy instead of waiting on one chain of additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Fitted MeansAndDeviations(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, int[] rows)
    {
        // Written out rather than through helpers with ref parameters, which would keep the sums in memory instead of registers.
        double sa = 0, sb = 0, sc = 0, sd = 0;
        int na = 0, nb = 0, nc = 0, nd = 0;
        foreach (var row in rows)
        {
            double va = a[row], vb = b[row], vc = c[row], vd = d[row];
            if (double.IsFinite(va)) { sa += va; na++; }
            if (double.IsFinite(vb)) { sb += vb; nb++; }
            if (double.IsFinite(vc)) { sc += vc; nc++; }
            if (double.IsFinite(vd)) { sd += vd; nd++; }
        }
        double ma = Mean(sa, na), mb = Mean(sb, nb), mc = Mean(sc, nc), md = Mean(sd, nd);
        double qa = 0, qb = 0, qc = 0, qd = 0;
        foreach (var row in rows)
        {
            double va = a[row], vb = b[row], vc = c[row], vd = d[row];
            if (double.IsFinite(va)) qa += (va - ma) * (va - ma);
            if (double.IsFinite(vb)) qb += (vb - mb) * (vb - mb);
            if (double.IsFinite(vc)) qc += (vc - mc) * (vc - mc);
            if (double.IsFinite(vd)) qd += (vd - md) * (vd - md);
        }
        return new Fitted([ma, mb, mc, md], [Deviation(qa, na), Deviation(qb, nb), Deviation(qc, nc), Deviation(qd, nd)]);

        static double Mean(double sum, int count) => count == 0 ? 0 : sum / count;

        // No finite value at all: deviation 1, so the feature is left as it is.
        static double Deviation(double squares, int count) => count == 0 ? 1 : Math.Sqrt(squares / count);
    }

    private sealed record Fitted(double[] Mean, double[] Deviation)
    {
        public const int Width = 4;
    }
}
