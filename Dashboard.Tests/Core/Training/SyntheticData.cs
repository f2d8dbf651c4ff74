using Dashboard.Core.Common;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

/// <summary>Small seeded data sets with known shapes, made in code so that no fixture can drift.</summary>
internal static class SyntheticData
{
    /// <summary>The four XOR points, each repeated: class 1 where exactly one coordinate is 1.</summary>
    public static (FeatureMatrix Features, int[] Labels) Xor(int repeats)
    {
        float[][] points = [[0, 0], [0, 1], [1, 0], [1, 1]];
        int[] classes = [0, 1, 1, 0];
        var rows = Enumerable.Range(0, repeats).SelectMany(_ => points).ToArray();
        var labels = Enumerable.Range(0, repeats).SelectMany(_ => classes).ToArray();
        return (Matrix(rows), labels);
    }

    /// <summary>
    /// scikit-learn's make_moons: two interleaving half circles, class 0 the upper one and class 1 the
    /// lower, shifted one; Gaussian noise of the given standard deviation on both coordinates.
    /// Not linearly separable.
    /// </summary>
    public static (FeatureMatrix Features, int[] Labels) TwoMoons(int rows, double noise, long seed)
    {
        var random = new SeededRandom(seed);
        var data = new float[rows * 2];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var label = i % 2;
            var angle = Math.PI * random.NextDouble();
            var (x, y) = label == 0
                ? (Math.Cos(angle), Math.Sin(angle))
                : (1 - Math.Cos(angle), 0.5 - Math.Sin(angle));
            data[2 * i] = (float)(x + noise * Gaussian(random));
            data[2 * i + 1] = (float)(y + noise * Gaussian(random));
            labels[i] = label;
        }
        return (new FeatureMatrix(rows, 2, data), labels);
    }

    /// <summary>
    /// Two overlapping Gaussian blobs in <paramref name="columns"/> dimensions, unit variance, centres
    /// <paramref name="separation"/> apart along every axis; the first <paramref name="positives"/> rows are class 1.
    /// </summary>
    public static (FeatureMatrix Features, int[] Labels) Blobs(int rows, int positives, int columns, double separation, long seed)
    {
        var random = new SeededRandom(seed);
        var data = new float[rows * columns];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i < positives ? 1 : 0;
            for (var c = 0; c < columns; c++) data[i * columns + c] = (float)(labels[i] * separation + Gaussian(random));
        }
        return (new FeatureMatrix(rows, columns, data), labels);
    }

    /// <summary>A matrix from literal rows of equal length.</summary>
    public static FeatureMatrix Matrix(float[][] rows) =>
        new(rows.Length, rows[0].Length, rows.SelectMany(r => r).ToArray());

    public static double Accuracy(IReadOnlyList<float> probabilities, IReadOnlyList<int> labels) =>
        probabilities.Select((p, i) => (p >= 0.5f ? 1 : 0) == labels[i] ? 1.0 : 0.0).Average();

    public static double PredictedPositiveRate(IReadOnlyList<float> probabilities) =>
        probabilities.Count(p => p >= 0.5f) / (double)probabilities.Count;

    /// <summary>Box-Muller: a standard normal draw from two uniform ones.</summary>
    private static double Gaussian(SeededRandom random)
    {
        var u1 = 1 - random.NextDouble(); // (0, 1], so the log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
