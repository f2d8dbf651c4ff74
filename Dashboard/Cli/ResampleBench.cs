using System.CommandLine;
using Dashboard.Core.Resampling;

namespace Dashboard.Cli;

/// <summary>
/// `bench resample`: SMOTE balancing N rows x F numeric features with a 5 % minority (issue 3's target:
/// at least 5x faster than imbalanced-learn's SMOTE().fit_resample on the same data, and under 2 GB at
/// 1,000,000 rows). The data comes from <see cref="ResamplingBench"/>; `--export` writes the same data
/// as .npy files for tools/bench/imblearn_smote_bench.py.
/// </summary>
internal static class ResampleBench
{
    public static Command Create(TextWriter output)
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic data.", DefaultValueFactory = _ => 100_000 };
        var features = new Option<int>("--features") { Description = "Numeric features.", DefaultValueFactory = _ => 20 };
        var minority = new Option<double>("--minority") { Description = "Share of minority rows.", DefaultValueFactory = _ => 0.05 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs (best and median are reported).", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the data and of SMOTE.", DefaultValueFactory = _ => 1 };
        var export = new Option<string?>("--export")
        {
            Description = "Only write the data to this folder as X.npy and y.npy (for tools/bench/imblearn_smote_bench.py); nothing is timed.",
        };
        var repeatCached = new Option<bool>("--repeat-cached")
        {
            Description = "Time a repeated move: each timed run follows an identical untimed one that filled a fresh neighbour cache.",
        };
        var command = new Command("resample", "Time SMOTE balancing a synthetic data set (default 100,000 x 20, 5 % minority) and report peak memory.");
        foreach (var option in new Option[] { rows, features, minority, repetitions, seed, export, repeatCached }) command.Add(option);
        command.SetAction(parse =>
        {
            var (rowCount, featureCount, share, dataSeed) = (parse.GetValue(rows), parse.GetValue(features), parse.GetValue(minority), parse.GetValue(seed));
            if (parse.GetValue(export) is { } folder)
            {
                // A separate run, so that the exported copy never counts in the timed run's peak memory.
                Directory.CreateDirectory(folder);
                var (x, y) = (Path.Combine(folder, "X.npy"), Path.Combine(folder, "y.npy"));
                ResamplingBench.WriteNpy(ResamplingBench.MakeData(rowCount, featureCount, share, dataSeed), x, y);
                output.WriteLine(CliJson.Serialize(new { benchmark = "resample", exported = new[] { Path.GetFullPath(x), Path.GetFullPath(y) } }));
                return 0;
            }
            var loadBefore = BenchLoad.Now();
            var warm = parse.GetValue(repeatCached);
            var result = ResamplingBench.Run(rowCount, featureCount, share, dataSeed, parse.GetValue(repetitions), warmCache: warm);
            output.WriteLine(CliJson.Serialize(new
            {
                benchmark = "resample",
                method = "SMOTE to a 0.5 minority share (imbalanced-learn's default)",
                result.Rows,
                result.Features,
                result.MinorityShare,
                result.SyntheticRows,
                result.Search,
                neighbourCache = warm ? "warm (repeated move)" : "none",
                result.NeighboursSearched,
                result.NeighboursReused,
                bestSeconds = Math.Round(result.BestSeconds, 3),
                medianSeconds = Math.Round(result.MedianSeconds, 3),
                medianCpuSeconds = Math.Round(result.MedianCpuSeconds, 3),
                peakWorkingSetMegabytes = result.PeakWorkingSetBytes / 1048576,
                processors = Environment.ProcessorCount,
                loadBefore,
                loadAfter = BenchLoad.Now(),
            }));
            return 0;
        });
        return command;
    }
}
