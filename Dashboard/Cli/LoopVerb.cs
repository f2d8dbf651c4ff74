using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using static System.FormattableString;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>
/// `loop`: the Muller loop from the command line. Resamples the training rows (the same options as
/// `resample`), trains the algorithms at once, scores each on the untouched test rows and prints every
/// metric, the confusion matrix, fit and score seconds and the training rows before and after. With
/// `--best-threshold METRIC` each algorithm also gets the threshold chosen on validation rows held out of the
/// training rows (<see cref="ValidationThreshold"/>) and its test metrics at that threshold.
/// Exits with 1 when an algorithm failed (the others are still reported).
/// </summary>
internal static class LoopVerb
{
    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var changes = new ChangeOptions();
        var algorithms = AlgorithmIds.CreateListOption();
        var threshold = new Option<double>("--threshold")
        {
            Description = "Score at or above which a test row is predicted positive, between 0 and 1.",
            DefaultValueFactory = _ => 0.5,
        };
        var bestThreshold = new Option<string?>("--best-threshold")
        {
            Description = "Also choose each algorithm's threshold for this metric on validation rows held out of the training rows " +
                "(f1, f2, mcc, balanced-accuracy, g-mean, precision, recall, specificity, accuracy) and report the test metrics at it.",
        };
        var json = CliJson.CreateOption();
        var scoresOut = new Option<string?>("--scores-out")
        {
            Description = "Also write every test row's score to this CSV: algorithm,row,y_true,y_score (row: the row's 0-based index in the data set; y_true 1 for the positive class).",
        };
        var command = new Command("loop", "Train the algorithms on the (resampled) training rows and print their metrics on the test rows.");
        data.AddTo(command, withSplit: true);
        changes.AddTo(command);
        command.Add(algorithms);
        command.Add(threshold);
        command.Add(bestThreshold);
        command.Add(json);
        command.Add(scoresOut);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = AlgorithmIds.ParseList(parse.GetValue(algorithms)!, "--algorithms");
            var cut = parse.GetValue(threshold);
            if (!(cut >= 0 && cut <= 1))
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"--threshold must be between 0 and 1 (scores are probabilities); {cut.ToString(CultureInfo.InvariantCulture)} was given.");
            }
            var tuneFor = parse.GetValue(bestThreshold) is { } metricName ? ThresholdMetric(metricName) : (MetricId?)null;
            var (labeled, split) = data.LoadSplit(parse);
            chosen = AlgorithmIds.ForTask(chosen, labeled.Task, "--algorithms");
            if (tuneFor is not null && labeled.Task == TargetTask.Regression)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"--best-threshold chooses a class threshold, but '{labeled.TargetColumn}' is predicted as a number (regression), which has none. Leave it out.", labeled.Data.Name);
            }
            var requested = changes.Build(parse, labeled, split.TrainRows);
            var featurized = FeaturizedSplit.Create(labeled, split);
            var run = await LoopRun.RunAsync(featurized, requested, chosen, new LoopOptions(cut, split.Seed), Environment.ProcessorCount, cancellationToken);
            if (tuneFor is { } metric) run = run with { Tuned = Tune(featurized, requested, run, metric, split.Seed, cancellationToken) };
            if (parse.GetValue(scoresOut) is { } path) WriteScores(path, split, run);
            var summary = ResamplingSummary.Of(labeled, split.TrainRows, run.Prepared.Resampled, run.Prepared.Summary.ResampleSeconds);
            output.Write(parse.GetValue(json)
                ? CliJson.Serialize(Report(SplitDescription.Of(labeled, split), summary, cut, run)) + Environment.NewLine
                : FormatTable(labeled, SplitDescription.Of(labeled, split), summary, cut, run));
            return run.Results.All(r => r.Result.Status == AlgorithmStatus.Completed) ? 0 : 1;
        });
        return command;
    }

    private static object Report(SplitDescription dataset, ResamplingSummary resampling, double threshold, LoopRun run) => new
    {
        dataset,
        resampling,
        threshold,
        featurizeSeconds = run.Prepared.Data.FeaturizeSeconds,
        firstResultSeconds = run.FirstResultSeconds,
        allResultsSeconds = run.AllResultsSeconds,
        algorithms = run.Results.Select(f => new
        {
            id = f.Result.AlgorithmId,
            name = f.Result.DisplayName,
            status = f.Result.Status,
            error = f.Result.Error,
            trainingRows = f.Result.TrainingRows,
            completionOrder = f.CompletionOrder,
            fitSeconds = f.Result.Timings.FitSeconds,
            scoreSeconds = f.Result.Timings.ScoreSeconds,
            metrics = f.Result.Metrics,
            regression = f.Result.Regression,
            bestThreshold = run.Tuned?.GetValueOrDefault(f.Result.AlgorithmId) is { } tuned ? new
            {
                metric = tuned.Choice.Choice.Metric,
                threshold = tuned.Choice.Choice.Threshold,
                validationValue = tuned.Choice.Choice.Value,
                validationRows = tuned.Choice.ValidationRows,
                testMetrics = tuned.TestMetrics,
            } : null,
        }),
    };

    /// <summary>The metric names `--best-threshold` takes: the threshold-dependent metrics, in kebab case.</summary>
    private static readonly Dictionary<string, MetricId> ThresholdMetrics = MetricCatalog.All.Where(m => m.DependsOnThreshold)
        .ToDictionary(m => JsonNamingPolicy.KebabCaseLower.ConvertName(m.Id.ToString()), m => m.Id, StringComparer.OrdinalIgnoreCase);

    private static MetricId ThresholdMetric(string name) => ThresholdMetrics.TryGetValue(name, out var id) ? id
        : throw new DatasetException(DataProblem.InvalidSetting,
            $"--best-threshold '{name}' is not a metric a threshold can be chosen for. Choose one of: {string.Join(", ", ThresholdMetrics.Keys)}.", value: name);

    /// <summary>Per completed algorithm: the threshold chosen on validation rows, and the test metrics at it (from the stored scores).</summary>
    private static Dictionary<string, LoopRun.TunedThreshold> Tune(FeaturizedSplit featurized, IReadOnlyList<DistributionChange> changes,
        LoopRun run, MetricId metric, int seed, CancellationToken cancellationToken) =>
        run.Results.Where(f => f.Result.Status == AlgorithmStatus.Completed).ToDictionary(f => f.Result.AlgorithmId, f =>
        {
            var settings = new AlgorithmSettings(AlgorithmCatalog.Get(f.Result.AlgorithmId), f.Result.Hyperparameters, f.Result.ClassWeight);
            var choice = ValidationThreshold.Find(featurized, changes, settings, metric, seed, cancellationToken);
            var test = new ScoredPredictions(f.Result.TestLabels.ToArray(), f.Result.TestScores.ToArray()).MetricsAt(choice.Choice.Threshold);
            return new LoopRun.TunedThreshold(choice, test);
        });

    /// <summary>Per algorithm and test row, the truth and what the model said: its score (classes) or predicted value (regression).</summary>
    private static void WriteScores(string path, DataSplit split, LoopRun run)
    {
        var regression = run.Results.Any(f => f.Result.Regression is not null);
        CsvOutput.Write(path, ["algorithm", "row", "y_true", regression ? "y_pred" : "y_score"], Rows());

        IEnumerable<string[]> Rows()
        {
            var cells = new string[4];
            foreach (var result in run.Results.Select(f => f.Result))
            {
                var count = regression ? result.TestPredictions.Count : result.TestScores.Count;
                for (var i = 0; i < count; i++)
                {
                    cells[0] = result.AlgorithmId;
                    cells[1] = split.TestRows[i].ToString(CultureInfo.InvariantCulture);
                    cells[2] = regression ? CsvOutput.Number(result.TestTargets[i]) : result.TestLabels[i] == 1 ? "1" : "0";
                    cells[3] = CsvOutput.Number(regression ? result.TestPredictions[i] : result.TestScores[i]);
                    yield return cells;
                }
            }
        }
    }

    private static string FormatTable(LabeledDataset labeled, SplitDescription dataset, ResamplingSummary resampling, double threshold, LoopRun run)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        void Line(FormattableString line) => text.WriteLine(Invariant(line));
        Line($"{dataset.Headline}; seed {dataset.Seed}, {dataset.TrainingRows:N0} training and {dataset.TestRows:N0} test rows");
        var synthetic = resampling.SyntheticRows > 0 ? Invariant($" ({resampling.SyntheticRows:N0} synthetic)") : "";
        Line($"Training rows: {Rows(resampling.TrainingRows.Before)} before, {Rows(resampling.TrainingRows.After)} after{synthetic}");
        foreach (var change in resampling.Changes)
        {
            var k = change.K is { } used ? Invariant($", k = {used}") : "";
            Line($"  {change.Group}: {change.ShareBefore:P1} -> {change.ShareAfter:P1} of the training rows (+{change.RowsAdded:N0} / -{change.RowsRemoved:N0} rows, {change.Method}{k})");
        }
        foreach (var warning in resampling.Warnings) text.WriteLine($"warning: {warning.Message}");
        var thresholdNote = labeled.Task == TargetTask.Regression ? "" : Invariant($" Threshold {threshold}.");
        Line($"Resampling {resampling.Seconds:F3} s, featurizing {run.Prepared.Data.FeaturizeSeconds:F3} s; first result after {run.FirstResultSeconds:F2} s, all {run.Results.Count} after {run.AllResultsSeconds:F2} s.{thresholdNote}");
        text.WriteLine();

        var results = run.Results.Select(f => f.Result).ToArray();
        if (labeled.Task == TargetTask.Regression)
        {
            text.Write(RegressionTable(run));
            return text.ToString();
        }
        var table = new TextTable(["", .. results.Select(r => r.AlgorithmId)]);
        var undefinedSeen = false;
        foreach (var info in MetricCatalog.All)
        {
            table.Add([info.DisplayName, .. results.Select(r => r.Metrics is { } m ? Metric(m, info.Id, ref undefinedSeen) : "failed")]);
        }
        void Count(string name, Func<BinaryMetrics, int> count) =>
            table.Add([name, .. results.Select(r => r.Metrics is { } m ? count(m).ToString("N0", CultureInfo.InvariantCulture) : "")]);
        Count("true positives", m => m.Confusion.TruePositives);
        Count("false positives", m => m.Confusion.FalsePositives);
        Count("true negatives", m => m.Confusion.TrueNegatives);
        Count("false negatives", m => m.Confusion.FalseNegatives);
        Count($"support {labeled.PositiveClass}", m => m.SupportPositive);
        Count($"support {labeled.NegativeClass}", m => m.SupportNegative);
        table.Add(["training rows", .. results.Select(r => r.TrainingRows.ToString("N0", CultureInfo.InvariantCulture))]);
        table.Add(["fit seconds", .. results.Select(r => r.Timings.FitSeconds.ToString("F3", CultureInfo.InvariantCulture))]);
        table.Add(["score seconds", .. results.Select(r => r.Timings.ScoreSeconds.ToString("F3", CultureInfo.InvariantCulture))]);
        table.Add(["finished", .. run.Results.Select(f => Invariant($"#{f.CompletionOrder} ({f.Seconds:F2} s)"))]);
        if (run.Tuned is { } tuned && tuned.Count > 0)
        {
            var name = MetricCatalog.Get(tuned.Values.First().Choice.Choice.Metric).DisplayName;
            string Cell(AlgorithmResult r, Func<LoopRun.TunedThreshold, double> value) =>
                tuned.TryGetValue(r.AlgorithmId, out var t) ? value(t).ToString("F4", CultureInfo.InvariantCulture) : "";
            table.Add([$"best threshold ({name}, validation rows)", .. results.Select(r => Cell(r, t => t.Choice.Choice.Threshold))]);
            table.Add([$"{name} on validation rows", .. results.Select(r => Cell(r, t => t.Choice.Choice.Value))]);
            table.Add([$"test {name} at that threshold", .. results.Select(r => Cell(r, t => t.TestMetrics.Get(t.Choice.Choice.Metric)))]);
        }
        text.Write(table);
        if (undefinedSeen) text.WriteLine("* undefined here (the formula divides by zero); the value shown is the convention in the metric's description.");
        foreach (var failed in results.Where(r => r.Status == AlgorithmStatus.Failed)) text.WriteLine($"{failed.AlgorithmId} failed: {failed.Error}");
        return text.ToString();
    }

    /// <summary>R² and the errors on every test row and on the rare ones, per algorithm; MAPE marked when a true value is near zero.</summary>
    private static string RegressionTable(LoopRun run)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var results = run.Results.Select(f => f.Result).ToArray();
        var table = new TextTable(["", .. results.Select(r => r.AlgorithmId)]);
        void Add(string name, Func<RegressionMetrics, string> value) =>
            table.Add([name, .. results.Select(r => r.Regression is { } m ? value(m) : "failed")]);
        static string Number(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
        static string Mape(RegressionErrors e) => e.MeanAbsolutePercentageError.ToString("P2", CultureInfo.InvariantCulture) + (e.PercentageErrorUnstable ? " *" : "");
        Add("R²", m => m.R2.ToString("F4", CultureInfo.InvariantCulture));
        Add("MAE", m => Number(m.All.MeanAbsoluteError));
        Add("RMSE", m => Number(m.All.RootMeanSquaredError));
        Add("median absolute error", m => Number(m.All.MedianAbsoluteError));
        Add("MAPE", m => Mape(m.All));
        Add("rare test rows", m => m.Rare!.Count.ToString("N0", CultureInfo.InvariantCulture));
        Add("rare MAE", m => Number(m.Rare!.MeanAbsoluteError));
        Add("rare RMSE", m => Number(m.Rare!.RootMeanSquaredError));
        Add("rare median absolute error", m => Number(m.Rare!.MedianAbsoluteError));
        Add("rare MAPE", m => Mape(m.Rare!));
        table.Add(["training rows", .. results.Select(r => r.TrainingRows.ToString("N0", CultureInfo.InvariantCulture))]);
        table.Add(["fit seconds", .. results.Select(r => r.Timings.FitSeconds.ToString("F3", CultureInfo.InvariantCulture))]);
        table.Add(["finished", .. run.Results.Select(f => Invariant($"#{f.CompletionOrder} ({f.Seconds:F2} s)"))]);
        text.Write(table);
        if (results.Any(r => r.Regression is { } m && (m.All.PercentageErrorUnstable || m.Rare!.PercentageErrorUnstable)))
        {
            text.WriteLine("* a true value is near zero, so MAPE is dominated by it: read it as n/a.");
        }
        foreach (var failed in results.Where(r => r.Status == AlgorithmStatus.Failed)) text.WriteLine($"{failed.AlgorithmId} failed: {failed.Error}");
        return text.ToString();
    }

    private static string Rows(ResamplingSummary.Rows rows) =>
        Invariant($"{rows.Total:N0} ({string.Join(", ", rows.ByClass.Select(c => Invariant($"{c.Key} {c.Value:N0}")))})");

    private static string Metric(BinaryMetrics metrics, MetricId id, ref bool undefinedSeen)
    {
        var value = metrics.Get(id).ToString("F4", CultureInfo.InvariantCulture);
        if (metrics.IsDefined(id)) return value;
        undefinedSeen = true;
        return value + "*";
    }
}
