using System.Globalization;
using System.Text;
using Dashboard.Core.Export;

namespace Dashboard.Tests.Export;

public class RunCsvTests
{
    /// <summary>An RFC 4180 reader written here, independent of the writer under test.</summary>
    private static List<Dictionary<string, string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else cell.Append(c);
        }
        Assert.Empty(record); // every record ends with CRLF
        var header = records[0];
        Assert.All(records, r => Assert.Equal(header.Count, r.Count));
        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public void Write_TwoRunsOfFourAlgorithms_OneRowPerRunAndAlgorithm()
    {
        var runs = new[] { RunFixtures.Run("run1", RunFixtures.Start), RunFixtures.Run("run2", RunFixtures.Start.AddMinutes(1)) };

        var rows = Parse(RunCsv.Write(runs));

        Assert.Equal(8, rows.Count);
        Assert.Equal(["run1", "run1", "run1", "run1", "run2", "run2", "run2", "run2"], rows.Select(r => r["run_id"]));
        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp"], rows.Take(4).Select(r => r["algorithm_id"]));
        Assert.Equal(RunTable.Columns.Count, rows[0].Count);
    }

    [Fact]
    public void Write_RegressionRun_RegressionColumnsFilled_ClassificationColumnsEmpty()
    {
        var regressed = Dashboard.Tests.Components.TestResults.Regressed("mlp", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000]);
        var m = regressed.Regression!;

        var row = Parse(RunCsv.Write([RunFixtures.Run("reg", RunFixtures.Start, [regressed])])).Single();

        Assert.Equal(m.R2, double.Parse(row["r2"], CultureInfo.InvariantCulture), 15);
        Assert.Equal(m.All.MeanAbsoluteError, double.Parse(row["mae"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(m.Rare!.MeanAbsoluteError, double.Parse(row["rare_mae"], CultureInfo.InvariantCulture), 9);
        Assert.Equal("2", row["rare_test_rows"]);
        Assert.Equal("", row["f1"]);
        Assert.Equal("", row["threshold"]);
    }

    [Fact]
    public void Write_Metrics_ConfusionAndEverySettingRoundTrip()
    {
        var run = RunFixtures.Run("run1", RunFixtures.Start);

        var row = Parse(RunCsv.Write([run]))[0];

        Assert.Equal(("2", "1", "6", "1"), (row["tp"], row["fp"], row["tn"], row["fn"]));
        Assert.Equal(run.Results[0].Metrics!.F1, double.Parse(row["f1"], CultureInfo.InvariantCulture));
        Assert.Equal(run.Results[0].Metrics!.RocAuc, double.Parse(row["roc_auc"], CultureInfo.InvariantCulture));
        Assert.Equal("2025-03-14T09:30:00.000Z", row["completed_at_utc"]);
        Assert.Equal("42", row["split_seed"]);
        Assert.Equal("0.25", row["test_share"]);
        Assert.Equal("leaves=15", row["hyperparameters"]);
        Assert.Equal("name; ticketno", row["excluded_columns"]);
        Assert.Equal("class 'yes' → 50.0% (under: Random, over: Smote, k=5); gender = female → neutral; fare ≥ 31.275 → neutral", row["sliders"]);
        Assert.Equal("class 'yes': 30.6% → 50.0% by SMOTE-NC (k=5), +643 −0 rows", row["resampling"]);
        Assert.Equal("training rows doubled; k lowered to 4: the group is small.", row["warnings"]);
        Assert.Equal("false", row["leaky"]);
    }

    [Fact]
    public void Write_FailedAlgorithm_EmptyMetricsAndItsError()
    {
        var row = Parse(RunCsv.Write([RunFixtures.Run("run1", RunFixtures.Start)]))[3];

        Assert.Equal("Failed", row["status"]);
        Assert.Equal("The model could not converge.", row["error"]);
        Assert.Equal("", row["f1"]);
        Assert.Equal("custom (positive rows weigh 3)", row["class_weight"]);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t'=1")]
    [InlineData("plain = text", "plain = text")]
    [InlineData("ok;=1+2;", "ok;'=1+2;")]
    [InlineData("a,+1", "a,'+1")]
    [InlineData("a\t@x", "a\t'@x")]
    [InlineData("a; -1, +2", "a; -1, +2")]
    [InlineData("a-1;b=2", "a-1;b=2")]
    [InlineData("", "")]
    public void Neutralize_FormulaStart_GetsApostrophe(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralize(text));

    [Fact]
    public void Cell_TextWithSemicolonOrTab_QuotedSoASemicolonSpreadsheetKeepsItWhole()
    {
        Assert.Equal("\"ok;'=1+2;\"", RunCsv.Cell("ok;=1+2;"));
        Assert.Equal("\"a\t'@x\"", RunCsv.Cell("a\t@x"));
        Assert.Equal("plain", RunCsv.Cell("plain"));
    }

    [Fact]
    public void Write_HostileTexts_EscapedAndQuoted_NumbersUntouched()
    {
        var run = RunFixtures.Run("run1", RunFixtures.Start, reason: "=HYPERLINK(\"http://evil\",\"click\")", who: "@SUM(1+1)*cmd|' /C calc'!A0",
            dataset: RunFixtures.Titanic with { DisplayName = "-2+3,\"quoted\"\nnext line", PositiveClass = "+yes" });

        var csv = RunCsv.Write([run]);
        var row = Parse(csv)[2]; // svm: negative numbers would show here if any

        Assert.Equal("'=HYPERLINK(\"http://evil\",\"click\")", row["reason"]);
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", row["started_by"]);
        Assert.Equal("'-2+3,\"quoted\"\nnext line", row["dataset"]);
        Assert.Equal("'+yes", row["positive_class"]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"", csv);
        Assert.DoesNotContain(csv.Split("\r\n"), line => line.StartsWith('=') || line.StartsWith('@'));
    }

    [Fact]
    public void Cell_NegativeNumber_StaysANumber()
    {
        Assert.Equal("-0.25", RunCsv.Cell(-0.25));
        Assert.Equal("-3", RunCsv.Cell(-3));
        Assert.Equal("'-0.25", RunCsv.Cell("-0.25"));
        Assert.Equal("0.1", RunCsv.Cell(0.1)); // shortest round-trip form, no culture
    }

    [Fact]
    public void WriteBytes_StartsWithUtf8ByteOrderMark()
    {
        var bytes = RunCsv.WriteBytes([RunFixtures.Run("run1", RunFixtures.Start)]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("run_id,completed_at_utc,room,", Encoding.UTF8.GetString(bytes[3..]));
    }
}
