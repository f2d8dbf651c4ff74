using System.CommandLine;
using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Cli;

/// <summary>
/// `resample`: moves focus groups of the TRAINING rows (never the test rows) to new shares, writes
/// the resampled training rows to a CSV with every original column plus is_synthetic, and prints a
/// JSON summary whose `resampling.seconds` times the resampling step alone (load and write excluded).
/// </summary>
internal static class ResampleVerb
{
    public const string SyntheticColumn = "is_synthetic";

    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var changes = new ChangeOptions();
        var outFile = new Option<string>("--out")
        {
            Description = $"The CSV file to write the resampled training rows to (every original column, then {SyntheticColumn}: 1 for a synthetic row).",
            Required = true,
        };
        var command = new Command("resample",
            "Resample the training rows (--class-share, or --feature with --category/--range and --share), write them to a CSV and print a JSON summary.");
        data.AddTo(command, withSplit: true);
        changes.AddTo(command);
        command.Add(outFile);
        command.SetAction(parse =>
        {
            var (labeled, split) = data.LoadSplit(parse);
            if (labeled.Data.HasColumn(SyntheticColumn))
            {
                throw new DatasetException(DataProblem.DuplicateColumnName,
                    $"The data set already has a column '{SyntheticColumn}', which the written file uses to mark synthetic rows. Rename that column first.",
                    labeled.Data.Name, column: SyntheticColumn);
            }
            var requested = changes.Build(parse, labeled, split.TrainRows);
            if (requested.Count == 0)
            {
                throw new DatasetException(DataProblem.InvalidSetting,
                    "Say what to move: --class-share S for the class balance, --feature COLUMN [--category V | --range LO:HI] --share S, or for a numeric target --target-range LO:HI --share S or --relevance auto --share S.", labeled.Data.Name);
            }
            var clock = Stopwatch.StartNew();
            var resampled = Resampler.Apply(labeled, split.TrainRows, requested, split.Seed);
            var seconds = clock.Elapsed.TotalSeconds;
            var path = parse.GetValue(outFile)!;
            var written = WriteTrainingRows(path, resampled);
            output.WriteLine(CliJson.Serialize(new
            {
                dataset = SplitDescription.Of(labeled, split),
                resampling = ResamplingSummary.Of(labeled, split.TrainRows, resampled, seconds),
                @out = new { path = Path.GetFullPath(path), rows = written },
            }));
            return 0;
        });
        return command;
    }

    /// <summary>Writes every column of the resampled training rows (originals first, then synthetic rows) and the is_synthetic flag.</summary>
    private static int WriteTrainingRows(string path, ResampledTrainingSet resampled)
    {
        var rows = resampled.ToDataset();
        var header = rows.Columns.Select(c => c.Name).Append(SyntheticColumn).ToArray();
        return CsvOutput.Write(path, header, Cells(rows, resampled));
    }

    private static IEnumerable<string[]> Cells(Dataset rows, ResampledTrainingSet resampled)
    {
        var cells = new string[rows.Columns.Count + 1];
        for (var row = 0; row < rows.RowCount; row++)
        {
            for (var c = 0; c < rows.Columns.Count; c++) cells[c] = rows.Columns[c].FormatValue(row);
            cells[^1] = resampled.IsSynthetic(row) ? "1" : "0";
            yield return cells;
        }
    }
}
