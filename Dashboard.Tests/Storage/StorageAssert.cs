using Dashboard.Core.Export;
using Dashboard.Core.Training;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Storage;

/// <summary>Checks shared by the storage tests: a run read back equals the one stored, value for value.</summary>
internal static class StorageAssert
{
    public static void SameRun(RecordedRun expected, RecordedRun actual)
    {
        Assert.Equal(expected.RunId, actual.RunId);
        Assert.Equal(expected.CompletedAt.UtcDateTime, actual.CompletedAt.UtcDateTime);
        Assert.Equal((expected.RoomCode, expected.StartedBy, expected.Reason), (actual.RoomCode, actual.StartedBy, actual.Reason));
        Assert.Equal(expected.Dataset, actual.Dataset);
        Assert.Equal(expected.Choice with { ExcludedColumns = null }, actual.Choice with { ExcludedColumns = null });
        Assert.Equal(expected.Choice.ExcludedColumns, actual.Choice.ExcludedColumns);
        Assert.Equal(expected.Sliders, actual.Sliders);
        Assert.Equal(expected.Algorithms.Select(a => (a.AlgorithmId, a.ClassWeight, a.HolderId, Values(a.Hyperparameters))),
            actual.Algorithms.Select(a => (a.AlgorithmId, a.ClassWeight, a.HolderId, Values(a.Hyperparameters))));
        Assert.Equal((expected.Threshold, expected.Leaky, expected.MovedSliderId, expected.Seconds), (actual.Threshold, actual.Leaky, actual.MovedSliderId, actual.Seconds));
        if (expected.Training is null)
        {
            Assert.Null(actual.Training);
        }
        else
        {
            Assert.Equal(expected.Training with { Changes = [], Warnings = [] }, actual.Training! with { Changes = [], Warnings = [] });
            Assert.Equal(expected.Training.Warnings, actual.Training!.Warnings);
            Assert.Equal(expected.Training.Changes.Select(c => c with { Warnings = [] }), actual.Training.Changes.Select(c => c with { Warnings = [] }));
            Assert.Equal(expected.Training.Changes.SelectMany(c => c.Warnings), actual.Training.Changes.SelectMany(c => c.Warnings));
        }
        Assert.Equal(expected.Results.Count, actual.Results.Count);
        foreach (var (e, a) in expected.Results.Zip(actual.Results)) SameResult(e, a);
    }

    public static void SameResult(AlgorithmResult expected, AlgorithmResult actual)
    {
        Assert.Equal((expected.AlgorithmId, expected.DisplayName, expected.Status, expected.ClassWeight, expected.TrainingRows, expected.Error),
            (actual.AlgorithmId, actual.DisplayName, actual.Status, actual.ClassWeight, actual.TrainingRows, actual.Error));
        Assert.Equal(Values(expected.Hyperparameters), Values(actual.Hyperparameters));
        if (expected.Metrics is null)
        {
            Assert.Null(actual.Metrics);
        }
        else
        {
            Assert.Equal(expected.Metrics with { Undefined = [] }, actual.Metrics! with { Undefined = [] });
            Assert.Equal(expected.Metrics.Undefined, actual.Metrics!.Undefined);
        }
        Assert.Equal(expected.TestScores, actual.TestScores);
        Assert.Equal(expected.TestLabels, actual.TestLabels);
        Assert.Equal(expected.RocCurve, actual.RocCurve);
        Assert.Equal(expected.PrecisionRecallCurve, actual.PrecisionRecallCurve);
        Assert.Equal(expected.SensitivitySpecificityCurve, actual.SensitivitySpecificityCurve);
        Assert.Equal(expected.Timings, actual.Timings);
    }

    private static string Values(HyperparameterValues values) =>
        string.Join(";", values.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value:R}"));

    /// <summary>One value from a SQL query on a SQLite file, with a connection of its own (no pooling).</summary>
    public static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every value of the first column of a SQL query.</summary>
    public static IReadOnlyList<string> Column(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
