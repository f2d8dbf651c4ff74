using System.Buffers.Binary;
using System.Diagnostics;
using Dashboard.Core.Common;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The speed benchmark, for a `bench` verb to call: SMOTE balancing a seeded Gaussian data set
/// (numeric features; the minority class shifted by half a standard deviation). <see cref="WriteNpy"/>
/// exports the same data for the imbalanced-learn side (tools/bench/imblearn_smote_bench.py).
/// </summary>
public static class ResamplingBench
{
    public static LabeledDataset MakeData(int rows, int features, double minorityShare, int seed)
    {
        var random = SeededRandom.For(seed, "bench-data");
        var labels = new int[rows];
        for (var r = 0; r < rows; r++) labels[r] = random.NextDouble() < minorityShare ? 1 : 0;
        var columns = new List<DataColumn>();
        for (var f = 0; f < features; f++)
        {
            var values = new double[rows];
            for (var r = 0; r < rows; r++) values[r] = Gaussian(random) + 0.5 * labels[r];
            columns.Add(new NumericColumn($"f{f}", values));
        }
        columns.Add(new CategoricalColumn("y", labels, ["neg", "pos"]));
        return LabeledDataset.Create(new Dataset("bench", columns), new TargetChoice("y", "pos", []));
    }

    /// <summary>
    /// Seeded regression data for benchmarks: Gaussian features and a right-skewed target (log-normal, like prices),
    /// y = 100,000 · exp(0.4 · (Σ fᵢ / √features) + 0.3 · noise), so its top values are rare.
    /// </summary>
    public static LabeledDataset MakeRegressionData(int rows, int features, int seed)
    {
        var random = SeededRandom.For(seed, "bench-regression-data");
        var columns = new List<DataColumn>();
        var signal = new double[rows];
        for (var f = 0; f < features; f++)
        {
            var values = new double[rows];
            for (var r = 0; r < rows; r++) signal[r] += values[r] = Gaussian(random);
            columns.Add(new NumericColumn($"f{f}", values));
        }
        var target = new double[rows];
        for (var r = 0; r < rows; r++) target[r] = 100_000 * Math.Exp(0.4 * signal[r] / Math.Sqrt(features) + 0.3 * Gaussian(random));
        columns.Add(new NumericColumn("y", target));
        return LabeledDataset.Create(new Dataset("bench-regression", columns), new TargetChoice("y", null, [], TargetTask.Regression));
    }

    /// <summary>Balances the minority class (share 0.5, as imbalanced-learn's SMOTE() default) on every row, <paramref name="repetitions"/> times.</summary>
    /// <param name="warmCache">Time a repeated move instead: each timed call follows an untimed identical one that filled a fresh
    /// <see cref="NeighbourCache"/>, as a slider moved again in the same session.</param>
    public static ResamplingBenchResult Run(int rows, int features, double minorityShare, int seed = 1, int repetitions = 3,
        ResamplingOptions? options = null, bool warmCache = false)
    {
        var data = MakeData(rows, features, minorityShare, seed);
        var all = Enumerable.Range(0, rows).ToArray();
        var change = new DistributionChange(new ClassGroup(1), 0.5);
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        using var process = Process.GetCurrentProcess();
        ResampledTrainingSet? result = null;
        for (var i = 0; i < repetitions; i++)
        {
            result = null;
            var runOptions = options ?? ResamplingOptions.Default;
            if (warmCache)
            {
                runOptions = runOptions with { Neighbours = new NeighbourCache() };
                Resampler.Apply(data, all, [change], seed, runOptions);
            }
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = Resampler.Apply(data, all, [change], seed, runOptions);
            seconds.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpuSeconds.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }
        seconds.Sort();
        cpuSeconds.Sort();
        process.Refresh();
        return new ResamplingBenchResult(rows, features, minorityShare, result!.Synthetic.RowCount, result.Search,
            seconds[0], seconds[seconds.Count / 2], cpuSeconds[cpuSeconds.Count / 2], process.PeakWorkingSet64)
        {
            NeighboursSearched = result.NeighboursSearched,
            NeighboursReused = result.NeighboursReused,
        };
    }

    /// <summary>Writes the features as a float64 matrix and the labels as int32, in NumPy's .npy format.</summary>
    public static void WriteNpy(LabeledDataset data, string featuresPath, string labelsPath)
    {
        var columns = data.FeatureNames.Select(n => (NumericColumn)data.Data.Column(n)).ToArray();
        using (var x = NpyWriter(featuresPath, "<f8", $"({data.RowCount}, {columns.Length})"))
        {
            Span<byte> cell = stackalloc byte[8];
            for (var r = 0; r < data.RowCount; r++)
            {
                foreach (var column in columns)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(cell, column[r]);
                    x.Write(cell);
                }
            }
        }
        using var y = NpyWriter(labelsPath, "<i4", $"({data.RowCount},)");
        Span<byte> label = stackalloc byte[4];
        foreach (var l in data.Labels)
        {
            BinaryPrimitives.WriteInt32LittleEndian(label, l);
            y.Write(label);
        }
    }

    private static Stream NpyWriter(string path, string dtype, string shape)
    {
        var stream = new BufferedStream(File.Create(path), 1 << 20);
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        // Magic (6) + version (2) + length (2) + header, ending in a newline, fill a multiple of 64 bytes.
        var padded = (10 + header.Length + 1 + 63) / 64 * 64;
        header = header.PadRight(padded - 10 - 1) + "\n";
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(System.Text.Encoding.ASCII.GetBytes(header));
        return stream;
    }

    private static double Gaussian(SeededRandom random)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
