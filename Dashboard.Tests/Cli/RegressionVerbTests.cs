using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Cli;

/// <summary>`resample`, `loop` and `importance` on a numeric target (ames_housing's Sale_Price).</summary>
public class RegressionVerbTests
{
    [Fact]
    public void Resample_TargetRangeWithSmogn_ExactCountAndRowsInRange()
    {
        using var csv = new TempCsv();
        var (data, split) = CliData.Bundled("ames_housing");
        var before = split.TrainRows.Count(r => data.Regression!.Values[r] >= 400_000);
        var rest = split.TrainRows.Count - before;

        var json = CliRunner.RunJson("resample", "--data", "ames_housing", "--target-range", "400000:", "--share", "0.1", "--over", "smogn", "--out", csv.Path);

        var change = json.GetProperty("resampling").GetProperty("changes")[0];
        var expected = (int)Math.Round(0.1 * rest / 0.9, MidpointRounding.AwayFromZero);
        Assert.Equal("Sale_Price ≥ 400,000", change.GetProperty("group").GetString());
        Assert.Equal(expected - before, change.GetProperty("rowsAdded").GetInt32());
        Assert.StartsWith("SMOGN", change.GetProperty("method").GetString());
        var rows = File.ReadAllLines(csv.Path).Skip(1).Select(l => l.Split(',')).ToArray();
        var header = File.ReadLines(csv.Path).First().Split(',');
        var price = Array.IndexOf(header, "Sale_Price");
        var synthetic = rows.Where(r => r[^1] == "1").ToArray();
        Assert.Equal(expected - before, synthetic.Length);
        Assert.All(synthetic, r => Assert.True(double.Parse(r[price], CultureInfo.InvariantCulture) >= 400_000, r[price]));
    }

    [Fact]
    public void Resample_RelevanceAutoWithSmoteR_RareShareReached()
    {
        using var csv = new TempCsv();

        var json = CliRunner.RunJson("resample", "--data", "ames_housing", "--relevance", "auto", "--share", "0.3", "--over", "smoter", "--out", csv.Path);

        var change = json.GetProperty("resampling").GetProperty("changes")[0];
        Assert.Equal("rare values of 'Sale_Price'", change.GetProperty("group").GetString());
        Assert.Equal(0.3, change.GetProperty("shareAfter").GetDouble(), 3);
        Assert.StartsWith("SMOTER", change.GetProperty("method").GetString());
    }

    [Fact]
    public void Resample_RelevanceWithCommonUnder_RemovesCommonRowsOnly()
    {
        using var csv = new TempCsv();
        var (data, split) = CliData.Bundled("ames_housing");
        var rare = split.TrainRows.Count(r => data.Labels[r] == 1);

        var json = CliRunner.RunJson("resample", "--data", "ames_housing", "--relevance", "auto", "--share", "0.4", "--common-under", "--out", csv.Path);

        var resampling = json.GetProperty("resampling");
        var after = resampling.GetProperty("trainingRows").GetProperty("after").GetProperty("byClass");
        Assert.Equal("common values of 'Sale_Price'", resampling.GetProperty("changes")[0].GetProperty("group").GetString());
        Assert.Equal(rare, after.GetProperty(LabeledDataset.RareValues).GetInt32());
        Assert.Equal((int)Math.Round(0.6 * rare / 0.4, MidpointRounding.AwayFromZero), after.GetProperty(LabeledDataset.CommonValues).GetInt32());
        Assert.Equal(0, resampling.GetProperty("syntheticRows").GetInt32());
    }

    [Fact]
    public void Resample_RelevanceOnClassTarget_SaysNumericOnly()
    {
        using var csv = new TempCsv();

        var (code, _, error) = CliRunner.Run("resample", "--data", "titanic", "--relevance", "auto", "--share", "0.3", "--out", csv.Path);

        Assert.Equal(2, code);
        Assert.Contains("--relevance acts on a numeric target's values, but 'survived' is read as classes", error);
    }

    [Fact]
    public void Loop_Ames_PrintsRegressionMetricsAndWritesPredictions()
    {
        using var csv = new TempCsv();

        var (code, output, _) = CliRunner.Run("loop", "--data", "ames_housing", "--algorithms", "lightgbm,svm", "--scores-out", csv.Path);

        Assert.Equal(0, code);
        Assert.Contains("predicting 'Sale_Price' as a number (regression", output);
        Assert.Matches(@"R²\s+0\.\d{4}\s+0\.\d{4}", output);
        Assert.Matches(@"rare test rows\s+116\s+116", output);
        var lines = File.ReadAllLines(csv.Path);
        Assert.Equal("algorithm,row,y_true,y_pred", lines[0]);
        Assert.Equal(1 + 2 * 733, lines.Length);
        var (data, split) = CliData.Bundled("ames_housing");
        var first = lines[1].Split(',');
        Assert.Equal(("lightgbm", split.TestRows[0]), (first[0], int.Parse(first[1], CultureInfo.InvariantCulture)));
        Assert.Equal(data.Regression!.Values[split.TestRows[0]], double.Parse(first[2], CultureInfo.InvariantCulture));
        // The file's predictions give the R² the table printed.
        var lightgbm = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == "lightgbm").ToArray();
        var r2 = RegressionMetrics.R2Score(lightgbm.Select(c => double.Parse(c[2], CultureInfo.InvariantCulture)).ToArray(),
            lightgbm.Select(c => double.Parse(c[3], CultureInfo.InvariantCulture)).ToArray());
        Assert.Contains(r2.ToString("F4", CultureInfo.InvariantCulture), output);
    }

    [Fact]
    public void Loop_AmesJson_CarriesRegressionMetricsNotClassMetrics()
    {
        var json = CliRunner.RunJson("loop", "--data", "ames_housing", "--algorithms", "mlp", "--json");

        var algorithm = json.GetProperty("algorithms")[0];
        Assert.Equal("regression", json.GetProperty("dataset").GetProperty("task").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, algorithm.GetProperty("metrics").ValueKind);
        Assert.InRange(algorithm.GetProperty("regression").GetProperty("r2").GetDouble(), 0.5, 1);
        Assert.Equal(116, algorithm.GetProperty("regression").GetProperty("rare").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("--algorithms: 'fasttree' has no regressor, and the target is predicted as a number", "--algorithms", "fasttree")]
    [InlineData("--best-threshold chooses a class threshold", "--best-threshold", "f1")]
    public void Loop_AmesBadChoice_SaysWhy(string message, params string[] options)
    {
        var (code, _, error) = CliRunner.Run(["loop", "--data", "ames_housing", .. options]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Importance_Ames_RanksByDropInR2()
    {
        var (code, output, _) = CliRunner.Run("importance", "--data", "ames_housing", "--repeats", "2");

        Assert.Equal(0, code);
        Assert.Contains("Drop of the test R² when a column is shuffled", output);
        Assert.Matches(@"1\s+Gr_Liv_Area\s+0\.1\d{3}", output);
    }

    [Fact]
    public void Importance_AmesWithRocAuc_SaysUseR2()
    {
        var (code, _, error) = CliRunner.Run("importance", "--data", "ames_housing", "--metric", "roc-auc");

        Assert.Equal(2, code);
        Assert.Contains("use --metric r2", error);
    }
}
