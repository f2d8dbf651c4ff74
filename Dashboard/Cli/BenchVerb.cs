using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Common;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>
/// `bench`: measurements for docs/benchmarks.md (speed belongs in benchmarks, not in timed tests).
/// Each run prints one JSON object with its figures. Run them in Release: `dotnet run -c Release --project Dashboard -- bench load`.
/// </summary>
internal static class BenchVerb
{
    public static Command Create(TextWriter output)
    {
        var bench = new Command("bench", "Measure speed and memory for docs/benchmarks.md.");
        bench.Add(LoadBench(output));
        bench.Add(SliderBench.Create(output));
        bench.Add(HubBench.Create(output));
        bench.Add(FailoverBench.Create(output));
        bench.Add(ResampleBench.Create(output));
        bench.Add(LoopBench.Create(output));
        return bench;
    }

    private static Command LoadBench(TextWriter output)
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic CSV.", DefaultValueFactory = _ => 1_000_000 };
        var columns = new Option<int>("--columns") { Description = "Columns of the synthetic CSV (a quarter categorical, the last one the target).", DefaultValueFactory = _ => 20 };
        var data = new Option<string?>("--data") { Description = "Load this bundled set or file instead of a synthetic one." };
        var command = new Command("load", "Time loading a CSV (default: a synthetic 1,000,000 x 20 file) and report peak memory.");
        command.Add(rows);
        command.Add(columns);
        command.Add(data);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(data);
            string? temporary = null;
            if (source is null)
            {
                temporary = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.csv");
                WriteSyntheticCsv(temporary, parse.GetValue(rows), parse.GetValue(columns), seed: 1);
            }
            try
            {
                var limits = new DataLimits { MaxFileBytes = long.MaxValue, MaxRows = int.MaxValue, MaxColumns = int.MaxValue };
                var path = source ?? temporary!;
                var fileBytes = BundledDatasets.Find(path) is null ? new FileInfo(path).Length : 0;
                GC.Collect();
                var before = Process.GetCurrentProcess().WorkingSet64;
                var clock = Stopwatch.StartNew();
                var dataset = BundledDatasets.LoadNameOrPath(path, limits);
                clock.Stop();
                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                output.WriteLine(CliJson.Serialize(new
                {
                    benchmark = "load",
                    source = source ?? "synthetic",
                    rows = dataset.RowCount,
                    columns = dataset.Columns.Count,
                    fileMegabytes = Math.Round(fileBytes / 1048576.0, 1),
                    seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                    workingSetBeforeMegabytes = before / 1048576,
                    peakWorkingSetMegabytes = peak / 1048576,
                }));
            }
            finally
            {
                if (temporary is not null) File.Delete(temporary);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Writes a CSV of numbers (three quarters), short category labels (a quarter) and a yes/no target.</summary>
    private static void WriteSyntheticCsv(string path, int rows, int columns, int seed)
    {
        var random = new SeededRandom(seed);
        var categoricalFrom = columns - 1 - (columns - 1) / 4;
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', Enumerable.Range(0, columns - 1).Select(c => c < categoricalFrom ? $"x{c}" : $"c{c}").Append("target")));
        var line = new System.Text.StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var c = 0; c < columns - 1; c++)
            {
                if (c < categoricalFrom) line.Append((random.NextDouble() * 1000 - 500).ToString("F3", CultureInfo.InvariantCulture));
                else line.Append("cat").Append(random.NextInt(12));
                line.Append(',');
            }
            line.Append(random.NextDouble() < 0.05 ? "yes" : "no");
            writer.WriteLine(line);
        }
    }
}
