using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Explanations;
using Dashboard.Core.Importance;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using static System.FormattableString;

namespace Dashboard.Cli;

/// <summary>
/// `importance`: a ranking of the original columns. One model is trained on the split's training rows (no
/// resampling: the baseline run the dashboard ranks its sliders with). By default each column is then shuffled across
/// the test rows and the drop of the test metric is averaged over the repeats (permutation importance); with
/// `--method gain` the tree model's split gains are summed per column instead, the quick preview; with `--method shap`
/// the mean |contribution| of each column over the first <see cref="ShapRows"/> test rows (<see cref="RowExplainer"/>).
/// </summary>
internal static class ImportanceVerb
{
    /// <summary>Test rows explained for `--method shap`: enough for a stable mean, few enough for the sampling estimate to take seconds.</summary>
    private const int ShapRows = 100;

    private static readonly Dictionary<string, ImportanceMetric> MetricNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["roc-auc"] = ImportanceMetric.RocAuc,
        ["f1"] = ImportanceMetric.F1,
        ["r2"] = ImportanceMetric.R2,
    };

    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var model = AlgorithmIds.CreateModelOption("The algorithm whose model is probed");
        var metric = new Option<string?>("--metric")
        {
            Description = "The test metric whose drop measures importance: roc-auc (default) or f1 (at threshold 0.5); for a numeric target r2 (the default and only one).",
        };
        var repeats = new Option<int>("--repeats")
        {
            Description = "Shuffles per column; the ranking shows their mean and spread.",
            DefaultValueFactory = _ => PermutationImportance.DefaultRepeats,
        };
        var method = new Option<string>("--method")
        {
            Description = "permutation (test rows, model-agnostic), gain (the split gains of a tree model: instant, training rows) " +
                $"or shap (mean |contribution| over the first {ShapRows} test rows, in the model's output unit).",
            DefaultValueFactory = _ => "permutation",
        };
        var json = CliJson.CreateOption();
        var command = new Command("importance", "Rank the columns by permutation importance: how much a model's test score drops when a column is shuffled.");
        data.AddTo(command, withSplit: true);
        command.Add(model);
        command.Add(metric);
        command.Add(repeats);
        command.Add(method);
        command.Add(json);
        command.SetAction((parse, cancellationToken) =>
        {
            var algorithm = AlgorithmIds.Find(parse.GetValue(model)!, "--model");
            var metricName = parse.GetValue(metric) ?? "roc-auc";
            if (!MetricNames.TryGetValue(metricName, out var chosenMetric))
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"--metric '{metricName}' is not offered. Choose one of: {string.Join(", ", MetricNames.Keys)}.", value: metricName);
            }
            var repeatCount = parse.GetValue(repeats);
            if (repeatCount is < 1 or > 100)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    Invariant($"--repeats must be between 1 and 100; {repeatCount} was given."), value: repeatCount.ToString(CultureInfo.InvariantCulture));
            }
            var methodName = parse.GetValue(method)!;
            if (methodName is not ("permutation" or "gain" or "shap"))
            {
                throw new DatasetException(DataProblem.InvalidSetting, $"--method '{methodName}' is not offered. Choose permutation, gain or shap.", value: methodName);
            }
            var featurized = data.LoadFeaturized(parse);
            var (labeled, split) = (featurized.Data, featurized.Split);
            if ((labeled.Task == TargetTask.Regression) != (chosenMetric == ImportanceMetric.R2) && parse.GetValue(metric) is not null)
            {
                throw new DatasetException(DataProblem.InvalidSetting, labeled.Task == TargetTask.Regression
                    ? $"--metric {metricName} scores classes, but '{labeled.TargetColumn}' is predicted as a number: use --metric r2 (or leave it out)."
                    : $"--metric r2 scores numbers, but '{labeled.TargetColumn}' is predicted as classes: use roc-auc or f1.", labeled.Data.Name, value: metricName);
            }
            if (labeled.Task == TargetTask.Regression)
            {
                if (methodName != "permutation")
                {
                    throw new DatasetException(DataProblem.InvalidSetting,
                        $"--method {methodName} is offered for classifiers only; for a numeric target use --method permutation (the drop in R²).", labeled.Data.Name);
                }
                var regressor = AlgorithmIds.ForTask([algorithm], labeled.Task, "--model")[0];
                WriteRegression(output, parse.GetValue(json), SplitDescription.Of(labeled, split), regressor, featurized, repeatCount, split.Seed, cancellationToken);
                return Task.FromResult(0);
            }
            var clock = Stopwatch.StartNew();
            var baseline = TrainingRows.Baseline(labeled, split);
            var trained = algorithm.Train(new TrainingInput(featurized.TrainingMatrix(baseline.OriginalRows), baseline.Labels,
                HyperparameterValues.Defaults, ClassWeighting.None, split.Seed), cancellationToken);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            if (methodName == "gain")
            {
                var treeModel = trained as ITreeGains ?? throw new DatasetException(DataProblem.InvalidSetting,
                    $"--method gain reads split gains off a tree model; '{algorithm.Id}' has none. Use a tree model (lightgbm, fasttree, balanced-random-forest, …) or --method permutation.",
                    value: algorithm.Id);
                clock.Restart();
                var gains = TreeGainRanking.Rank(treeModel, featurized.Featurizer);
                WriteGains(output, parse.GetValue(json), SplitDescription.Of(labeled, split), algorithm, fitSeconds, clock.Elapsed.TotalSeconds, gains);
                return Task.FromResult(0);
            }
            if (methodName == "shap")
            {
                clock.Restart();
                var rowIds = split.TestRows.Take(ShapRows).ToArray();
                var explanations = RowExplainer.Explain(algorithm.Id, trained, featurized.AllRows.SelectRows(rowIds), rowIds, featurized.Featurizer.Slots,
                    featurized.TrainingMatrix(baseline.OriginalRows), new ExplanationOptions(Seed: split.Seed), cancellationToken);
                WriteContributions(output, parse.GetValue(json), SplitDescription.Of(labeled, split), algorithm, fitSeconds, clock.Elapsed.TotalSeconds,
                    explanations[0], ContributionRanking.Rank(explanations), rowIds.Length);
                return Task.FromResult(0);
            }
            clock.Restart();
            var ranking = PermutationImportance.Compute(trained, featurized, chosenMetric, repeatCount, split.Seed, cancellationToken: cancellationToken);
            var importanceSeconds = clock.Elapsed.TotalSeconds;
            var predictions = new ScoredPredictions(featurized.TestLabels.ToArray(),
                Array.ConvertAll(trained.PredictProbabilities(featurized.Test), p => (double)p));
            var score = chosenMetric == ImportanceMetric.RocAuc ? predictions.RocAuc : predictions.MetricsAt(0.5).F1;
            var report = new
            {
                dataset = SplitDescription.Of(labeled, split),
                model = algorithm.Id,
                metric = chosenMetric,
                repeats = repeatCount,
                testScore = score,
                fitSeconds,
                importanceSeconds,
                columns = ranking.Select((c, i) => new { rank = i + 1, c.Column, c.MeanDrop, c.StandardDeviation, c.Drops }),
            };
            output.Write(parse.GetValue(json) ? CliJson.Serialize(report) + Environment.NewLine : FormatTable(report.dataset, algorithm, chosenMetric, repeatCount, score, ranking));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Permutation importance of a regressor: the mean drop of the test R² per shuffled column.</summary>
    private static void WriteRegression(TextWriter output, bool json, SplitDescription dataset, AlgorithmDescriptor algorithm, FeaturizedSplit featurized,
        int repeats, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rows = featurized.Split.TrainRows;
        var trained = algorithm.Regress!(new RegressionInput(featurized.TrainingMatrix(rows), featurized.TrainingTargets(rows)!, HyperparameterValues.Defaults, seed),
            cancellationToken);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var ranking = PermutationImportance.Compute(trained, featurized, repeats, seed, cancellationToken);
        var importanceSeconds = clock.Elapsed.TotalSeconds;
        var score = RegressionMetrics.R2Score(featurized.TestTargets!, trained.Predict(featurized.Test));
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                dataset,
                model = algorithm.Id,
                metric = ImportanceMetric.R2,
                repeats,
                testScore = score,
                fitSeconds,
                importanceSeconds,
                columns = ranking.Select((c, i) => new { rank = i + 1, c.Column, c.MeanDrop, c.StandardDeviation, c.Drops }),
            }));
            return;
        }
        output.Write(FormatTable(dataset, algorithm, ImportanceMetric.R2, repeats, score, ranking));
    }

    private static void WriteGains(TextWriter output, bool json, SplitDescription dataset, AlgorithmDescriptor algorithm, double fitSeconds,
        double rankingSeconds, IReadOnlyList<ColumnGain> ranking)
    {
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                dataset,
                model = algorithm.Id,
                method = "gain",
                fitSeconds,
                rankingSeconds,
                columns = ranking.Select((c, i) => new { rank = i + 1, c.Column, c.Gain, c.Share }),
            }));
            return;
        }
        output.WriteLine(Invariant($"{dataset.Headline}; {algorithm.DisplayName} trained on {dataset.TrainingRows:N0} rows in {fitSeconds:F2} s"));
        output.WriteLine("Share of the trees' split gain per column (training rows; a quick preview, not measured on the test rows):");
        output.WriteLine();
        var table = new TextTable("rank", "column", "share", "gain (relative)");
        for (var i = 0; i < ranking.Count; i++)
        {
            table.Add(i + 1, ranking[i].Column, ranking[i].Share.ToString("P1", CultureInfo.InvariantCulture), ranking[i].Gain.ToString("G4", CultureInfo.InvariantCulture));
        }
        output.Write(table);
    }

    private static void WriteContributions(TextWriter output, bool json, SplitDescription dataset, AlgorithmDescriptor algorithm, double fitSeconds,
        double rankingSeconds, RowExplanation first, IReadOnlyList<ColumnContributionRank> ranking, int rows)
    {
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                dataset,
                model = algorithm.Id,
                method = "shap",
                explanation = first.Method,
                output = first.Output,
                rows,
                fitSeconds,
                rankingSeconds,
                columns = ranking.Select((c, i) => new { rank = i + 1, c.Column, c.MeanAbsoluteContribution }),
            }));
            return;
        }
        output.WriteLine(Invariant($"{dataset.Headline}; {algorithm.DisplayName} trained on {dataset.TrainingRows:N0} rows in {fitSeconds:F2} s"));
        output.WriteLine(Invariant($"Mean |contribution| per column to the {first.Output} over {rows} test rows ({first.Method}, {rankingSeconds:F2} s):"));
        output.WriteLine();
        var table = new TextTable("rank", "column", "mean |contribution|");
        for (var i = 0; i < ranking.Count; i++) table.Add(i + 1, ranking[i].Column, ranking[i].MeanAbsoluteContribution.ToString("F4", CultureInfo.InvariantCulture));
        output.Write(table);
    }

    private static string FormatTable(SplitDescription dataset, AlgorithmDescriptor algorithm, ImportanceMetric metric, int repeats, double score,
        IReadOnlyList<ColumnImportance> ranking)
    {
        var metricName = metric switch { ImportanceMetric.RocAuc => "ROC AUC", ImportanceMetric.R2 => "R²", _ => "F1" };
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine(Invariant($"{dataset.Headline}; {algorithm.DisplayName} trained on {dataset.TrainingRows:N0} rows, test {metricName} {score:F4} on {dataset.TestRows:N0} rows"));
        text.WriteLine(Invariant($"Drop of the test {metricName} when a column is shuffled ({repeats} repeats, seed {dataset.Seed}):"));
        text.WriteLine();
        var table = new TextTable("rank", "column", "mean drop", "spread");
        for (var i = 0; i < ranking.Count; i++)
        {
            var c = ranking[i];
            table.Add(i + 1, c.Column, c.MeanDrop.ToString("F4", CultureInfo.InvariantCulture), c.StandardDeviation.ToString("F4", CultureInfo.InvariantCulture));
        }
        text.Write(table);
        return text.ToString();
    }
}
