using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using static System.FormattableString;
using Dashboard.Core.Data;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>
/// `loop`: the Muller loop from the command line. Resamples the training rows (the same options as
/// `resample`), trains the algorithms at once, scores each on the untouched test rows and prints every
/// metric, the confusion matrix, fit and score seconds and the training rows before and after. With
/// `--best-threshold METRIC` each algorithm also gets the threshold chosen on validation rows held out of the
/// training rows (<see cref="ValidationThreshold"/>) and its test metrics at that threshold. With `--cost-fn` and
/// `--cost-fp` every algorithm also gets its expected cost per test row, and `--best-threshold cost` chooses the
/// threshold with the lowest expected cost on the validation rows.
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
                "(f1, f2, mcc, balanced-accuracy, g-mean, precision, recall, specificity, accuracy; or cost: the lowest expected cost " +
                "for --cost-fn and --cost-fp) and report the test metrics at it.",
        };
        var costFn = new Option<double?>("--cost-fn")
        {
            Description = "Cost of a false negative (a missed positive row), at or above 0; default 1. Adds the expected cost per test row.",
        };
        var costFp = new Option<double?>("--cost-fp")
        {
            Description = "Cost of a false positive (a false alarm), at or above 0; default 1. Adds the expected cost per test row.",
        };
        var classWeight = new Option<string>("--class-weight")
        {
            Description = "Class weights every algorithm trains with: none, balanced, from-costs (positive rows weigh --cost-fn / --cost-fp) " +
                "or a number (the weight of a positive row; negative rows weigh 1).",
            DefaultValueFactory = _ => "none",
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
        command.Add(costFn);
        command.Add(costFp);
        command.Add(classWeight);
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
            var costs = Costs(parse.GetValue(costFn), parse.GetValue(costFp));
            var tuneFor = parse.GetValue(bestThreshold) is { } metricName ? ThresholdObjective(metricName) : null;
            var weighting = Weighting(parse.GetValue(classWeight)!, costs ?? CostMatrix.Equal);
            var featurized = data.LoadFeaturized(parse);
            var (labeled, split) = (featurized.Data, featurized.Split);
            chosen = AlgorithmIds.ForTask(chosen, labeled.Task, "--algorithms");
            if (tuneFor is not null && labeled.Task == TargetTask.Regression)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"--best-threshold chooses a class threshold, but '{labeled.TargetColumn}' is predicted as a number (regression), which has none. Leave it out.", labeled.Data.Name);
            }
            var requested = changes.Build(parse, labeled, split.TrainRows);
            var run = await LoopRun.RunAsync(featurized, requested, chosen, new LoopOptions(cut, split.Seed), Environment.ProcessorCount, cancellationToken,
                classWeight: weighting);
            if (tuneFor is { } objective) run = run with { Tuned = Tune(featurized, requested, run, objective, costs ?? CostMatrix.Equal, split.Seed, cancellationToken) };
            if (parse.GetValue(scoresOut) is { } path) WriteScores(path, split, run);
            var summary = ResamplingSummary.Of(labeled, split.TrainRows, run.Prepared.Resampled, run.Prepared.Summary.ResampleSeconds);
            output.Write(parse.GetValue(json)
                ? CliJson.Serialize(Report(SplitDescription.Of(labeled, split), summary, cut, costs, run)) + Environment.NewLine
                : FormatTable(labeled, SplitDescription.Of(labeled, split), summary, cut, costs, run));
            return run.Results.All(r => r.Result.Status == AlgorithmStatus.Completed) ? 0 : 1;
        });
        return command;
    }

    private static object Report(SplitDescription dataset, ResamplingSummary resampling, double threshold, CostMatrix? costs, LoopRun run) => new
    {
        dataset,
        resampling,
        threshold,
        costs = costs is null ? null : new { costs.FalseNegative, costs.FalsePositive, costs.TheoreticalThreshold },
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
            classWeight = RunText.ClassWeight(f.Result.ClassWeight),
            completionOrder = f.CompletionOrder,
            fitSeconds = f.Result.Timings.FitSeconds,
            scoreSeconds = f.Result.Timings.ScoreSeconds,
            metrics = f.Result.Metrics,
            regression = f.Result.Regression,
            expectedCost = costs is not null && f.Result.Metrics is { } m ? costs.ExpectedCost(m.Confusion) : (double?)null,
            bestThreshold = run.Tuned?.GetValueOrDefault(f.Result.AlgorithmId) is { } tuned ? new
            {
                metric = tuned.Metric,
                objective = tuned.Metric is null ? "lowest expected cost" : MetricCatalog.Get(tuned.Metric.Value).DisplayName,
                threshold = tuned.Threshold,
                validationValue = tuned.ValidationValue,
                validationRows = tuned.ValidationRows,
                testMetrics = tuned.TestMetrics,
                testExpectedCost = tuned.TestExpectedCost,
            } : null,
        }),
    };

    /// <summary>The metric names `--best-threshold` takes: the threshold-dependent metrics, in kebab case.</summary>
    private static readonly Dictionary<string, MetricId> ThresholdMetrics = MetricCatalog.All.Where(m => m.DependsOnThreshold)
        .ToDictionary(m => JsonNamingPolicy.KebabCaseLower.ConvertName(m.Id.ToString()), m => m.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>What `--best-threshold` chooses for: a threshold metric, or the lowest expected cost (null metric).</summary>
    private sealed record Objective(MetricId? Metric);

    private const string CostObjective = "cost";

    private static Objective ThresholdObjective(string name) =>
        string.Equals(name, CostObjective, StringComparison.OrdinalIgnoreCase) ? new Objective(null)
        : ThresholdMetrics.TryGetValue(name, out var id) ? new Objective(id)
        : throw new DatasetException(DataProblem.InvalidSetting,
            $"--best-threshold '{name}' is not a metric a threshold can be chosen for. Choose one of: {string.Join(", ", ThresholdMetrics.Keys)}, {CostObjective}.", value: name);

    /// <summary>The --class-weight option: a mode by name or a positive row's weight.</summary>
    private static ClassWeighting Weighting(string value, CostMatrix costs)
    {
        string? problem;
        switch (value.Trim().ToLowerInvariant())
        {
            case "none":
                return ClassWeighting.None;
            case "balanced":
                return new ClassWeighting(ClassWeightMode.Balanced);
            case "from-costs":
                if (costs.FalsePositive > 0 && costs.PositiveClassWeight <= 1000) return ClassWeighting.FromCosts(costs);
                problem = "from-costs needs --cost-fp above 0 and --cost-fn / --cost-fp at most 1000";
                break;
            default:
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight > 0 && weight <= 1000)
                {
                    return new ClassWeighting(ClassWeightMode.Custom, weight);
                }
                problem = $"'{value}' is not none, balanced, from-costs or a positive row's weight above 0 and at most 1000";
                break;
        }
        throw new DatasetException(DataProblem.InvalidSetting, $"--class-weight: {problem}.", value: value);
    }

    /// <summary>The costs when --cost-fn or --cost-fp is given (the other defaults to 1), else null.</summary>
    private static CostMatrix? Costs(double? falseNegative, double? falsePositive)
    {
        if (falseNegative is null && falsePositive is null) return null;
        var (fn, fp) = (falseNegative ?? 1, falsePositive ?? 1);
        return CostMatrix.Problem(fn, fp) is { } problem
            ? throw new DatasetException(DataProblem.InvalidSetting, $"--cost-fn / --cost-fp: {problem}")
            : new CostMatrix(fn, fp);
    }

    /// <summary>Per completed algorithm: the threshold chosen on validation rows, and the test metrics (and cost) at it, from the stored scores.</summary>
    private static Dictionary<string, LoopRun.TunedThreshold> Tune(FeaturizedSplit featurized, IReadOnlyList<DistributionChange> changes,
        LoopRun run, Objective objective, CostMatrix costs, int seed, CancellationToken cancellationToken) =>
        run.Results.Where(f => f.Result.Status == AlgorithmStatus.Completed).ToDictionary(f => f.Result.AlgorithmId, f =>
        {
            var settings = new AlgorithmSettings(AlgorithmCatalog.Get(f.Result.AlgorithmId), f.Result.Hyperparameters, f.Result.ClassWeight);
            double threshold, value;
            int rows;
            if (objective.Metric is { } metric)
            {
                var found = ValidationThreshold.Find(featurized, changes, settings, metric, seed, cancellationToken);
                (threshold, value, rows) = (found.Choice.Threshold, found.Choice.Value, found.ValidationRows);
            }
            else
            {
                var cheapest = ValidationThreshold.FindLowestCost(featurized, changes, settings, costs, seed, cancellationToken);
                (threshold, value, rows) = (cheapest.Choice.Threshold, cheapest.Choice.ExpectedCost, cheapest.ValidationRows);
            }
            var test = new ScoredPredictions(f.Result.TestLabels.ToArray(), f.Result.TestScores.ToArray()).MetricsAt(threshold);
            return new LoopRun.TunedThreshold(objective.Metric, threshold, value, rows, test, costs.ExpectedCost(test.Confusion));
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

    private static string FormatTable(LabeledDataset labeled, SplitDescription dataset, ResamplingSummary resampling, double threshold, CostMatrix? costs, LoopRun run)
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
        if (costs is not null)
        {
            Line($"Costs: a false negative {costs.FalseNegative}, a false positive {costs.FalsePositive}; a calibrated model's cheapest threshold is C_FP / (C_FP + C_FN) = {costs.TheoreticalThreshold:F4}.");
        }
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
        if (costs is not null)
        {
            table.Add(["expected cost per row", .. results.Select(r => r.Metrics is { } m ? costs.ExpectedCost(m.Confusion).ToString("F4", CultureInfo.InvariantCulture) : "")]);
        }
        table.Add(["training rows", .. results.Select(r => r.TrainingRows.ToString("N0", CultureInfo.InvariantCulture))]);
        if (results.Any(r => !r.ClassWeight.IsNone)) table.Add(["class weight", .. results.Select(r => RunText.ClassWeight(r.ClassWeight))]);
        table.Add(["fit seconds", .. results.Select(r => r.Timings.FitSeconds.ToString("F3", CultureInfo.InvariantCulture))]);
        table.Add(["score seconds", .. results.Select(r => r.Timings.ScoreSeconds.ToString("F3", CultureInfo.InvariantCulture))]);
        table.Add(["finished", .. run.Results.Select(f => Invariant($"#{f.CompletionOrder} ({f.Seconds:F2} s)"))]);
        if (run.Tuned is { } tuned && tuned.Count > 0)
        {
            var metric = tuned.Values.First().Metric;
            var name = metric is { } id ? MetricCatalog.Get(id).DisplayName : "expected cost";
            string Cell(AlgorithmResult r, Func<LoopRun.TunedThreshold, double> value) =>
                tuned.TryGetValue(r.AlgorithmId, out var t) ? value(t).ToString("F4", CultureInfo.InvariantCulture) : "";
            table.Add([$"best threshold ({(metric is null ? "lowest cost" : name)}, validation rows)", .. results.Select(r => Cell(r, t => t.Threshold))]);
            table.Add([$"{name} on validation rows", .. results.Select(r => Cell(r, t => t.ValidationValue))]);
            table.Add([$"test {name} at that threshold", .. results.Select(r => Cell(r, t => metric is { } m ? t.TestMetrics.Get(m) : t.TestExpectedCost))]);
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
