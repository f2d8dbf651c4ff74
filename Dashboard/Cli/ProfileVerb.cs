using System.CommandLine;
using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>`profile`: class counts and a per-column summary of a data set.</summary>
internal static class ProfileVerb
{
    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var json = CliJson.CreateOption();
        var command = new Command("profile", "Print a data set's profile: class counts, and per column its kind, missing and distinct values.");
        data.AddTo(command, withSplit: false);
        command.Add(json);
        command.SetAction(parse =>
        {
            var dataset = data.LoadDataset(parse);
            var labeled = data.TargetColumn(parse) is null ? null : data.Label(parse, dataset);
            var profile = DatasetProfiler.Profile(dataset, labeled);
            output.Write(parse.GetValue(json) ? CliJson.Serialize(profile) + Environment.NewLine : FormatTable(profile));
            return 0;
        });
        return command;
    }

    private static string FormatTable(DatasetProfile profile)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"{profile.DatasetName}: {profile.RowCount:N0} rows, {profile.Columns.Count} columns");
        if (profile.Target is not null)
        {
            text.WriteLine();
            text.WriteLine(profile.Task == TargetTask.Regression
                ? $"Target '{profile.Target}': regression. {profile.TaskReason}"
                : $"Target '{profile.Target}' (positive class: {profile.PositiveClass}): classification. {profile.TaskReason}");
            if (profile.Relevance is not null) text.WriteLine($"Rare values: {profile.Relevance}");
            var classes = new TextTable(profile.Task == TargetTask.Regression ? "values" : "class", "rows", "share");
            foreach (var c in profile.ClassCounts) classes.Add(c.Label + (c.IsPositive && profile.Task != TargetTask.Regression ? " (positive)" : ""), c.Count, c.Share.ToString("P1", CultureInfo.InvariantCulture));
            text.Write(classes);
        }
        text.WriteLine();
        var columns = new TextTable("column", "kind", "missing", "distinct", "min", "max", "mean", "use");
        foreach (var c in profile.Columns)
        {
            var use = c.IsTarget ? "target" : c.IsExcluded ? (c.LooksLikeIdentifier ? "excluded (identifier-like)" : "excluded") : "feature";
            columns.Add(c.Name, c.Kind.ToString().ToLowerInvariant(), c.MissingCount, c.DistinctCount, Format(c.Min), Format(c.Max), Format(c.Mean), use);
        }
        text.Write(columns);
        foreach (var warning in profile.Warnings) text.WriteLine($"warning: {warning}");
        return text.ToString();
    }

    private static string Format(double? value) => value?.ToString("G5", CultureInfo.InvariantCulture) ?? "";
}
