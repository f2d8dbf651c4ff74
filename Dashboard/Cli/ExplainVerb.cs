using System.CommandLine;
using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Explanations;
using Dashboard.Core.Training;
using static System.FormattableString;

namespace Dashboard.Cli;

/// <summary>
/// `explain`: why one model scored some rows as it did. The model is trained on the split's training rows (the
/// baseline, as `importance`), then each asked-for row gets every original column's contribution from the average
/// output to this row's output (<see cref="RowExplainer"/>): exact for tree ensembles and the linear SVM, a sampling
/// estimate with standard errors otherwise.
/// </summary>
internal static class ExplainVerb
{
    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var model = AlgorithmIds.CreateModelOption("The algorithm to explain");
        var rows = new Option<string>("--rows")
        {
            Description = "Comma-separated rows to explain: 0-based indices into the data set (test rows or training rows), e.g. 0,5.",
            Required = true,
        };
        var samples = new Option<int>("--samples")
        {
            Description = "Permutations for the sampling estimate (models without exact explanations); more is slower and steadier.",
            DefaultValueFactory = _ => new ExplanationOptions().Samples,
        };
        var json = CliJson.CreateOption();
        var command = new Command("explain", "Explain single rows: each original column's contribution to one model's score.");
        data.AddTo(command, withSplit: true);
        command.Add(model);
        command.Add(rows);
        command.Add(samples);
        command.Add(json);
        command.SetAction((parse, cancellationToken) =>
        {
            var algorithm = AlgorithmIds.Find(parse.GetValue(model)!, "--model");
            var sampleCount = parse.GetValue(samples);
            if (sampleCount is < 10 or > 100_000)
            {
                throw new DatasetException(DataProblem.InvalidSetting, Invariant($"--samples must be between 10 and 100,000; {sampleCount} was given."));
            }
            var featurized = data.LoadFeaturized(parse);
            var (labeled, split) = (featurized.Data, featurized.Split);
            if (labeled.Task == TargetTask.Regression)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"explain is offered for classifiers only so far; '{labeled.TargetColumn}' is predicted as a number (regression).", labeled.Data.Name);
            }
            var rowIds = ParseRows(parse.GetValue(rows)!, labeled.Data.RowCount);
            var baseline = TrainingRows.Baseline(labeled, split);
            var training = featurized.TrainingMatrix(baseline.OriginalRows);
            var trained = algorithm.Train(new TrainingInput(training, baseline.Labels, HyperparameterValues.Defaults, ClassWeighting.None, split.Seed), cancellationToken);
            var explanations = RowExplainer.Explain(algorithm.Id, trained, featurized.AllRows.SelectRows(rowIds), rowIds, featurized.Featurizer.Slots,
                training, new ExplanationOptions(Samples: sampleCount, Seed: split.Seed), cancellationToken);
            var testRows = split.TestRows.ToHashSet();
            var report = new
            {
                dataset = SplitDescription.Of(labeled, split),
                model = algorithm.Id,
                rows = explanations.Select(e => new
                {
                    row = e.Row,
                    part = testRows.Contains(e.Row) ? "test" : "training",
                    label = labeled.Labels[e.Row] == 1 ? labeled.PositiveClass : labeled.NegativeClass,
                    method = e.Method,
                    output = e.Output,
                    baseValue = e.BaseValue,
                    value = e.Value,
                    contributions = e.Contributions,
                }),
            };
            output.Write(parse.GetValue(json) ? CliJson.Serialize(report) + Environment.NewLine : FormatText(labeled, algorithm, testRows, explanations));
            return Task.FromResult(0);
        });
        return command;
    }

    private static int[] ParseRows(string list, int rowCount)
    {
        var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new DatasetException(DataProblem.InvalidSetting, "--rows needs at least one row index, e.g. --rows 0,5.", value: list);
        return parts.Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < rowCount ? row
            : throw new DatasetException(DataProblem.InvalidSetting,
                Invariant($"--rows: '{part}' is not a row of this data set; give 0-based indices from 0 to {rowCount - 1}."), value: part)).ToArray();
    }

    private static string FormatText(LabeledDataset labeled, AlgorithmDescriptor algorithm, HashSet<int> testRows, IReadOnlyList<RowExplanation> explanations)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var e in explanations)
        {
            var label = labeled.Labels[e.Row] == 1 ? labeled.PositiveClass : labeled.NegativeClass;
            text.WriteLine(Invariant($"Row {e.Row} ({(testRows.Contains(e.Row) ? "test" : "training")} row, {label}): {algorithm.DisplayName}, {e.Method}, {e.Output}"));
            text.WriteLine(Invariant($"  average {e.BaseValue:F4} -> this row {e.Value:F4}"));
            var table = new TextTable("column", "contribution", "± standard error");
            foreach (var c in e.Contributions)
            {
                table.Add(c.Column, c.Contribution.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture),
                    c.StandardError is { } se ? se.ToString("F4", CultureInfo.InvariantCulture) : "exact");
            }
            text.Write(table);
            text.WriteLine();
        }
        return text.ToString();
    }
}
