using System.CommandLine;
using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Fairness;
using Dashboard.Core.Training;
using static System.FormattableString;

namespace Dashboard.Cli;

/// <summary>
/// `fairness`: one model trained on the split's training rows (no resampling, as `importance`), its test rows' rates per
/// group of a sensitive column (<see cref="GroupFairness"/>) with the equal-opportunity and demographic-parity gaps, and
/// the columns that could stand in for the sensitive one (<see cref="ProxyDetector"/>, on the training rows).
/// The sensitive column stays among the features unless --exclude leaves it out, so the class can compare both.
/// </summary>
internal static class FairnessVerb
{
    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var sensitive = new Option<string>("--sensitive")
        {
            Description = "The column whose groups are compared (categories; a numeric column by the quartiles of its training rows).",
            Required = true,
        };
        var model = AlgorithmIds.CreateModelOption("The algorithm trained");
        var threshold = new Option<double>("--threshold")
        {
            Description = "A test row is predicted positive when its score is at or above this.",
            DefaultValueFactory = _ => 0.5,
        };
        var json = CliJson.CreateOption();
        var command = new Command("fairness", "Compare a model's recall, false-positive rate, precision and selection rate across the groups of a sensitive column, and flag possible proxies of it.");
        data.AddTo(command, withSplit: true);
        command.Add(sensitive);
        command.Add(model);
        command.Add(threshold);
        command.Add(json);
        command.SetAction((parse, cancellationToken) =>
        {
            var algorithm = AlgorithmIds.Find(parse.GetValue(model)!, "--model");
            var cut = parse.GetValue(threshold);
            if (!double.IsFinite(cut))
            {
                throw new DatasetException(DataProblem.InvalidSetting, "--threshold must be a number.", value: cut.ToString(CultureInfo.InvariantCulture));
            }
            var featurized = data.LoadFeaturized(parse);
            var (labeled, split) = (featurized.Data, featurized.Split);
            var sensitiveName = parse.GetValue(sensitive)!;
            var sensitiveColumn = labeled.Data.Column(sensitiveName);
            if (sensitiveName == labeled.TargetColumn)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"--sensitive '{sensitiveName}' is the target; pick another column (for example gender).", labeled.Data.Name, column: sensitiveName);
            }
            if (labeled.Task == TargetTask.Regression)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    $"fairness compares classifiers; '{labeled.TargetColumn}' is predicted as a number. Ask for --task classification or pick a class target.", labeled.Data.Name);
            }
            var baseline = TrainingRows.Baseline(labeled, split);
            var trained = algorithm.Train(new TrainingInput(featurized.TrainingMatrix(baseline.OriginalRows), baseline.Labels,
                HyperparameterValues.Defaults, ClassWeighting.None, split.Seed), cancellationToken);
            var scores = Array.ConvertAll(trained.PredictProbabilities(featurized.Test), p => (double)p);
            var groups = GroupAssignment.Of(sensitiveColumn, split.TrainRows);
            var report = GroupFairness.Compute(featurized.TestLabels.ToArray(), scores, cut, groups.CodesOf(split.TestRows), groups);
            var others = labeled.Data.Columns.Select(c => c.Name).Where(n => n != labeled.TargetColumn);
            var proxies = ProxyDetector.Detect(labeled.Data, sensitiveName, split.TrainRows, others);

            var dataset = SplitDescription.Of(labeled, split);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new
                {
                    dataset,
                    model = algorithm.Id,
                    sensitive = sensitiveName,
                    threshold = cut,
                    usedAsFeature = labeled.FeatureNames.Contains(sensitiveName),
                    groups = report.Groups.Select(g => new
                    {
                        g.Group, g.Rows, g.Positives, g.Recall, g.FalsePositiveRate, g.Precision, g.SelectionRate, g.Undefined,
                    }),
                    report.EqualOpportunity,
                    report.DemographicParity,
                    proxyThreshold = ProxyDetector.ProxyThreshold,
                    proxies,
                }));
                return Task.FromResult(0);
            }
            WriteText(output, dataset, algorithm, labeled.FeatureNames.Contains(sensitiveName), report, proxies);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void WriteText(TextWriter output, SplitDescription dataset, AlgorithmDescriptor algorithm, bool sensitiveIsFeature,
        GroupFairnessReport report, IReadOnlyList<ProxyScore> proxies)
    {
        output.WriteLine(Invariant($"{dataset.Headline}; {algorithm.DisplayName} trained on {dataset.TrainingRows:N0} rows") +
            (sensitiveIsFeature ? $" ('{report.SensitiveColumn}' among its features)" : $" (without '{report.SensitiveColumn}')"));
        output.WriteLine(Invariant($"Test rows per group of '{report.SensitiveColumn}' at threshold {report.Threshold:G4} (n/a: the rate divides by zero):"));
        output.WriteLine();
        var table = new TextTable("group", "rows", "positives", "recall", "false-pos. rate", "precision", "selection rate");
        foreach (var g in report.Groups)
        {
            table.Add(g.Group, g.Rows, g.Positives, Rate(g, GroupMetric.Recall), Rate(g, GroupMetric.FalsePositiveRate),
                Rate(g, GroupMetric.Precision), Rate(g, GroupMetric.SelectionRate));
        }
        output.Write(table);
        output.WriteLine();
        output.WriteLine(Gap("Equal-opportunity difference (recall, groups with positives)", report.EqualOpportunity));
        output.WriteLine(Gap("Demographic-parity difference (selection rate)", report.DemographicParity));
        output.WriteLine();
        output.WriteLine(Invariant($"Association with '{report.SensitiveColumn}' on the training rows (Cramér's V; a possible proxy at ≥ {ProxyDetector.ProxyThreshold:F1}):"));
        output.WriteLine();
        var proxyTable = new TextTable("column", "Cramér's V", "read as", "categories", "proxy");
        foreach (var p in proxies)
        {
            proxyTable.Add(p.Column, p.Defined ? p.CramersV.ToString("F3", CultureInfo.InvariantCulture) : "n/a", ReadingName(p.Reading), p.Categories,
                p.IsProxy ? "yes" : "");
        }
        output.Write(proxyTable);
    }

    private static string Rate(GroupRates group, GroupMetric metric) =>
        group.IsDefined(metric) ? group.Get(metric).ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Gap(string title, FairnessGap? gap) => gap is null
        ? $"{title}: n/a"
        : Invariant($"{title}: {gap.Difference:F3} ({gap.HighestGroup} {gap.Highest:F3} vs {gap.LowestGroup} {gap.Lowest:F3}, {gap.GroupsCompared} groups)");

    private static string ReadingName(ProxyReading reading) => reading switch
    {
        ProxyReading.Quartiles => "quartiles",
        ProxyReading.MostCommonWord => "most common word",
        _ => "categories",
    };
}
