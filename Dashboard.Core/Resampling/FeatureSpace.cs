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
            var noneMissing = Enumerable.Range(0, Fitted.Width).All(i => numeric[Math.Min(first + i, numeric.Length - 1)].MissingCount == 0);
            var fitted = (noneMissing ? MeansAndDeviations<EveryValue>(Column(0), Column(1), Column(2), Column(3), rows) : null)
                ?? MeansAndDeviations<FiniteValues>(Column(0), Column(1), Column(2), Column(3), rows)!; // never null: it skips what is not finite
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
    /// <typeparam name="TValues">Which values count: <see cref="FiniteValues"/> in general; <see cref="EveryValue"/> for columns with no
    /// missing value, which skips the test per value (compiled away) and returns null when an infinite value shows in a sum.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Fitted? MeansAndDeviations<TValues>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, int[] rows)
        where TValues : struct, IValueFilter
    {
        // Written out rather than through helpers with ref parameters, which would keep the sums in memory instead of registers.
        double sa = 0, sb = 0, sc = 0, sd = 0;
        int na = 0, nb = 0, nc = 0, nd = 0;
        foreach (var row in rows)
        {
            double va = a[row], vb = b[row], vc = c[row], vd = d[row];
            if (TValues.Counts(va)) { sa += va; na++; }
            if (TValues.Counts(vb)) { sb += vb; nb++; }
            if (TValues.Counts(vc)) { sc += vc; nc++; }
            if (TValues.Counts(vd)) { sd += vd; nd++; }
        }
        // Counting every value is right only when all are finite. A finite sum proves that: an infinite value would have left
        // the sum infinite or NaN. (An overflowing sum of finite values sends the group the slow way, to the same result.)
        if (!TValues.SkipsNonFinite && !(double.IsFinite(sa) && double.IsFinite(sb) && double.IsFinite(sc) && double.IsFinite(sd))) return null;
        double ma = Mean(sa, na), mb = Mean(sb, nb), mc = Mean(sc, nc), md = Mean(sd, nd);
        double qa = 0, qb = 0, qc = 0, qd = 0;
        foreach (var row in rows)
        {
            double va = a[row], vb = b[row], vc = c[row], vd = d[row];
            if (TValues.Counts(va)) qa += (va - ma) * (va - ma);
            if (TValues.Counts(vb)) qb += (vb - mb) * (vb - mb);
            if (TValues.Counts(vc)) qc += (vc - mc) * (vc - mc);
            if (TValues.Counts(vd)) qd += (vd - md) * (vd - md);
        }
        return new Fitted([ma, mb, mc, md], [Deviation(qa, na), Deviation(qb, nb), Deviation(qc, nc), Deviation(qd, nd)]);

        static double Mean(double sum, int count) => count == 0 ? 0 : sum / count;

        // No finite value at all: deviation 1, so the feature is left as it is.
        static double Deviation(double squares, int count) => count == 0 ? 1 : Math.Sqrt(squares / count);
    }

    /// <summary>Which values a mean and deviation are taken over; a struct type argument, so the test is compiled into the loop (or out of it).</summary>
    private interface IValueFilter
    {
        static abstract bool SkipsNonFinite { get; }

        static abstract bool Counts(double value);
    }

    private readonly struct FiniteValues : IValueFilter
    {
        public static bool SkipsNonFinite => true;

        public static bool Counts(double value) => double.IsFinite(value);
    }

    /// <summary>Every value: for columns known to have no missing value, whose sums then show whether any value is infinite.</summary>
    private readonly struct EveryValue : IValueFilter
    {
        public static bool SkipsNonFinite => false;

        public static bool Counts(double value) => true;
    }

    private sealed record Fitted(double[] Mean, double[] Deviation)
    {
        public const int Width = 4;
    }
}
