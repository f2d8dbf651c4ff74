using System.Globalization;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Export;

/// <summary>
/// The export's columns: every setting of the run, then the algorithm's settings, confusion matrix,
/// every metric and timings. CSV and JSON share this list, so their fields never drift apart.
/// </summary>
public static class RunTable
{
    public static IReadOnlyList<ExportColumn> Columns { get; } = Build();

    /// <summary>Rows in the runs' order, each run's algorithms in their result order.</summary>
    public static IEnumerable<ExportRow> Rows(IEnumerable<RecordedRun> runs) =>
        runs.SelectMany(run => run.Results.Select(result => new ExportRow(run, result)));

    private static List<ExportColumn> Build()
    {
        var columns = new List<ExportColumn>
        {
            new("run_id", r => r.Run.RunId),
            new("completed_at_utc", r => r.Run.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new("room", r => r.Run.RoomCode),
            new("started_by", r => r.Run.StartedBy),
            new("reason", r => r.Run.Reason),
            new("dataset", r => r.Run.Dataset.DisplayName),
            new("dataset_source", r => r.Run.Dataset.Source),
            new("target", r => r.Run.Dataset.Target),
            new("positive_class", r => r.Run.Dataset.PositiveClass),
            new("negative_class", r => r.Run.Dataset.NegativeClass),
            new("excluded_columns", r => r.Run.Choice.ExcludedColumns is { } excluded ? string.Join("; ", excluded) : "defaults"),
            new("split_seed", r => r.Run.Choice.SplitSeed),
            new("test_share", r => r.Run.Choice.TestShare),
            new("train_rows", r => r.Run.Dataset.TrainRows),
            new("test_rows", r => r.Run.Dataset.TestRows),
            new("leaky", r => r.Run.Leaky),
            new("sliders", r => RunText.Sliders(r.Run)),
            new("resampling", r => RunText.Resampling(r.Run.Training)),
            new("training_rows_after", r => r.Run.Training?.RowsAfter),
            new("synthetic_rows", r => r.Run.Training?.SyntheticRows),
            new("warnings", r => RunText.Warnings(r.Run.Training)),
            new("algorithm_id", r => r.Result.AlgorithmId),
            new("algorithm", r => r.Result.DisplayName),
            new("status", r => r.Result.Status.ToString()),
            new("error", r => r.Result.Error),
            new("hyperparameters", r => RunText.Hyperparameters(r.Result.Hyperparameters)),
            new("class_weight", r => RunText.ClassWeight(r.Result.ClassWeight)),
            new("threshold", r => r.Result.Metrics?.Threshold),
            new("tp", r => r.Result.Metrics?.Confusion.TruePositives),
            new("fp", r => r.Result.Metrics?.Confusion.FalsePositives),
            new("tn", r => r.Result.Metrics?.Confusion.TrueNegatives),
            new("fn", r => r.Result.Metrics?.Confusion.FalseNegatives),
        };
        foreach (var metric in Enum.GetValues<MetricId>())
        {
            columns.Add(new(MetricName(metric), r => r.Result.Metrics?.Get(metric)));
        }
        columns.AddRange(
        [
            new("support_positive", r => r.Result.Metrics?.SupportPositive),
            new("support_negative", r => r.Result.Metrics?.SupportNegative),
            new("undefined_metrics", r => r.Result.Metrics is { } m ? string.Join("; ", m.Undefined.Select(MetricName)) : null),
            // A numeric target (regression): empty for classes, as the classification columns are empty for a regressor.
            new("r2", r => r.Result.Regression?.R2),
            new("mae", r => r.Result.Regression?.All.MeanAbsoluteError),
            new("rmse", r => r.Result.Regression?.All.RootMeanSquaredError),
            new("median_ae", r => r.Result.Regression?.All.MedianAbsoluteError),
            new("mape", r => r.Result.Regression?.All.MeanAbsolutePercentageError),
            new("mape_unstable", r => r.Result.Regression?.All.PercentageErrorUnstable),
            new("rare_test_rows", r => r.Result.Regression?.Rare?.Count),
            new("rare_mae", r => r.Result.Regression?.Rare?.MeanAbsoluteError),
            new("rare_rmse", r => r.Result.Regression?.Rare?.RootMeanSquaredError),
            new("featurize_seconds", r => r.Result.Timings.FeaturizeSeconds),
            new("fit_seconds", r => r.Result.Timings.FitSeconds),
            new("score_seconds", r => r.Result.Timings.ScoreSeconds),
            new("run_seconds", r => r.Run.Seconds),
        ]);
        return columns;
    }

    /// <summary>A metric's column name: snake case of its id ("balanced_accuracy", "roc_auc").</summary>
    public static string MetricName(MetricId metric)
    {
        var name = metric.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) chars.Add('_');
            chars.Add(char.ToLowerInvariant(name[i]));
        }
        return new string([.. chars]);
    }
}
