using System.CommandLine;
using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>
/// `bench loop`: issue 4's speed figures. Per run: from resampled training rows to all results (featurize the
/// rows, train every algorithm at once, score on the test rows) and to the first result, with each
/// algorithm's fit seconds and ROC AUC (R² for a numeric target). The first run includes JIT warm-up; the server is warm, so the
/// median of the later runs is the figure a slider move sees.
/// </summary>
internal static class LoopBench
{
    private const string Synthetic = "synthetic";

    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var rows = new Option<int>("--rows") { Description = $"Rows of --data {Synthetic} (numeric features, 5 % minority; with --task regression a skewed numeric target).", DefaultValueFactory = _ => 200_000 };
        var features = new Option<int>("--features") { Description = $"Features of --data {Synthetic}.", DefaultValueFactory = _ => 20 };
        var classShare = new Option<double?>("--class-share") { Description = "Move the minority class to this share with SMOTE first (default: no resampling)." };
        var algorithms = AlgorithmIds.CreateListOption();
        var repetitions = new Option<int>("--repetitions") { Description = "Runs; the first one includes JIT warm-up.", DefaultValueFactory = _ => 3 };
        var slots = new Option<int>("--slots")
        {
            Description = "Algorithms that may train at once (0: all at once); default one per core, as the server.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("loop", $"Time the Muller loop from resampled rows to all results (--data NAME|PATH|{Synthetic}).");
        data.AddTo(command, withSplit: true);
        foreach (var option in new Option[] { rows, features, classShare, algorithms, repetitions, slots }) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = AlgorithmIds.ParseList(parse.GetValue(algorithms)!, "--algorithms");
            var seed = parse.GetValue(data.Seed);
            var loadBefore = BenchLoad.Now();
            var (labeled, split) = parse.GetValue(data.Data) == Synthetic
                ? SyntheticSplit(parse.GetValue(rows), parse.GetValue(features), seed, parse.GetValue(data.TestSize), parse.GetValue(data.Task) == "regression")
                : data.LoadSplit(parse);
            chosen = AlgorithmIds.ForTask(chosen, labeled.Task, "--algorithms");
            var clock = Stopwatch.StartNew();
            var featurized = FeaturizedSplit.Create(labeled, split);
            var featurizeOnceSeconds = clock.Elapsed.TotalSeconds;
            DistributionChange[] changes = parse.GetValue(classShare) is { } share ? [new(ClassGroup.Minority(labeled, split.TrainRows), share)] : [];

            var runs = new List<Measured>();
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < parse.GetValue(repetitions); i++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var run = await LoopRun.RunAsync(featurized, changes, chosen, new LoopOptions(0.5, seed), parse.GetValue(slots), cancellationToken,
                    previous: runs.LastOrDefault()?.Run);
                process.Refresh();
                runs.Add(new Measured(run, (process.TotalProcessorTime - cpu).TotalSeconds));
            }
            var warm = runs.Count > 1 ? runs.Skip(1).ToArray() : runs.ToArray();
            output.WriteLine(CliJson.Serialize(new
            {
                benchmark = "loop",
                data = labeled.Data.Name,
                rows = labeled.RowCount,
                features = labeled.FeatureNames.Count,
                featureSlots = featurized.Featurizer.Width,
                trainingRowsBefore = split.TrainRows.Count,
                trainingRowsAfter = runs[0].Run.Prepared.Summary.RowsAfter,
                testRows = split.TestRows.Count,
                classShare = parse.GetValue(classShare),
                slots = parse.GetValue(slots),
                featurizeOnceSeconds = Round(featurizeOnceSeconds),
                warmMedian = new
                {
                    resampleSeconds = Median(warm, r => r.Run.Prepared.Summary.ResampleSeconds),
                    fromResampledToAllSeconds = Median(warm, r => r.Run.FromResampledSeconds),
                    fromResampledToFirstSeconds = Median(warm, r => r.Run.Prepared.Data.FeaturizeSeconds + r.Run.FirstResultSeconds),
                    fitSecondsSum = Median(warm, r => r.Run.Results.Sum(f => f.Result.Timings.FitSeconds)),
                    cpuSeconds = Median(warm, r => r.CpuSeconds),
                    fitSeconds = chosen.ToDictionary(a => a.Id, a => Median(warm, r => r.Run.Results.Single(f => f.Result.AlgorithmId == a.Id).Result.Timings.FitSeconds)),
                },
                rocAuc = labeled.Task == TargetTask.Regression ? null
                    : runs[^1].Run.Results.ToDictionary(f => f.Result.AlgorithmId, f => f.Result.Metrics is { } m ? Math.Round(m.RocAuc, 4) : double.NaN),
                r2 = labeled.Task == TargetTask.Regression
                    ? runs[^1].Run.Results.ToDictionary(f => f.Result.AlgorithmId, f => f.Result.Regression is { } m ? Math.Round(m.R2, 4) : double.NaN)
                    : null,
                runs = runs.Select(Describe),
                loadBefore,
                loadAfter = BenchLoad.Now(),
            }));
            return 0;
        });
        return command;
    }

    private static object Describe(Measured measured)
    {
        var run = measured.Run;
        return new
        {
            cpuSeconds = Round(measured.CpuSeconds),
            resampleSeconds = Round(run.Prepared.Summary.ResampleSeconds),
            featurizeSeconds = Round(run.Prepared.Data.FeaturizeSeconds),
            firstResultSeconds = Round(run.FirstResultSeconds),
            allResultsSeconds = Round(run.AllResultsSeconds),
            fromResampledToAllSeconds = Round(run.FromResampledSeconds),
            algorithms = run.Results.Select(f => new
            {
                id = f.Result.AlgorithmId,
                status = f.Result.Status,
                fitSeconds = Round(f.Result.Timings.FitSeconds),
                scoreSeconds = Round(f.Result.Timings.ScoreSeconds),
                finishedAfterSeconds = Round(f.Seconds),
                error = f.Result.Error,
            }),
        };
    }

    /// <summary>
    /// ResamplingBench's seeded Gaussian data (the minority shifted by half a standard deviation), or with --task regression its
    /// skewed numeric target, with a stratified split.
    /// </summary>
    private static (LabeledDataset Data, DataSplit Split) SyntheticSplit(int rows, int features, int seed, double testSize, bool regression)
    {
        var data = regression ? ResamplingBench.MakeRegressionData(rows, features, seed) : ResamplingBench.MakeData(rows, features, 0.05, seed);
        return (data, StratifiedSplitter.Split(data.SplitLabels, testSize, seed));
    }

    private static double Median(IReadOnlyList<Measured> runs, Func<Measured, double> figure)
    {
        var values = runs.Select(figure).Order().ToArray();
        return Round(values[values.Length / 2]);
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);

    /// <summary>One run with the CPU time the process spent on it (all threads): steadier than wall time on a shared machine.</summary>
    private sealed record Measured(LoopRun Run, double CpuSeconds);
}
