using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Cli;

public class ResampleVerbTests
{
    [Fact]
    public void Resample_ClassShareUp_CountsEqualResamplerAndCsv()
    {
        using var file = new TempCsv();
        var (data, split) = CliData.Bundled("titanic");
        var expected = Resampler.Apply(data, split.TrainRows, [new DistributionChange(ClassGroup.Minority(data, split.TrainRows), 0.5)], 42);

        var json = CliRunner.RunJson("resample", "--data", "titanic", "--class-share", "0.5", "--out", file.Path);

        var resampling = json.GetProperty("resampling");
        var rows = resampling.GetProperty("trainingRows");
        Assert.Equal((1655, 533, 1122), Counts(rows.GetProperty("before")));
        // round(0.5 * 1122 / (1 - 0.5)) = 1122 survivors: the issue's exact target count.
        Assert.Equal((2244, 1122, 1122), Counts(rows.GetProperty("after")));
        Assert.Equal(expected.RowCount, rows.GetProperty("after").GetProperty("total").GetInt32());
        Assert.Equal(expected.Synthetic.RowCount, resampling.GetProperty("syntheticRows").GetInt32());
        var change = Assert.Single(resampling.GetProperty("changes").EnumerateArray());
        Assert.Equal("class 'yes'", change.GetProperty("group").GetString());
        Assert.Equal(expected.Changes[0].RowsAdded, change.GetProperty("rowsAdded").GetInt32());
        Assert.Equal((1122, 1122, 0), Counts(change.GetProperty("groupRows").GetProperty("after")));
        Assert.Equal(0.5, change.GetProperty("shareAfter").GetDouble());
        Assert.True(resampling.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(2244, json.GetProperty("out").GetProperty("rows").GetInt32());

        var written = CsvDatasetReader.ReadFile(file.Path, DataLimits.Default);
        Assert.Equal(2244, written.RowCount);
        Assert.Equal(data.Data.Columns.Select(c => c.Name).Append("is_synthetic"), written.Columns.Select(c => c.Name));
        var synthetic = (NumericColumn)written.Column("is_synthetic");
        Assert.Equal(expected.Synthetic.RowCount, synthetic.Values.ToArray().Count(v => v == 1));
        Assert.All(synthetic.Values.ToArray(), v => Assert.True(v is 0 or 1));
        Assert.Equal(1122, Enumerable.Range(0, written.RowCount).Count(r => written.Column("survived").FormatValue(r) == "yes"));
    }

    [Fact]
    public void Resample_Csv_RealRowsAreExactlyTheTrainingRowsQuotedPerRfc4180()
    {
        using var file = new TempCsv();
        var (data, split) = CliData.Bundled("titanic");

        CliRunner.RunJson("resample", "--data", "titanic", "--class-share", "0.6", "--out", file.Path);

        var text = File.ReadAllText(file.Path);
        Assert.Contains("\r\n\"Abbing, Mr. Anthony\",male,42,", text);
        var written = CsvDatasetReader.ReadFile(file.Path, DataLimits.Default);
        var synthetic = (NumericColumn)written.Column("is_synthetic");
        var realNames = Enumerable.Range(0, written.RowCount).Where(r => synthetic[r] == 0).Select(r => written.Column("name").FormatValue(r)).Order(StringComparer.Ordinal);
        var trainingNames = split.TrainRows.Select(r => data.Data.Column("name").FormatValue(r)).Order(StringComparer.Ordinal);
        Assert.Equal(trainingNames, realNames);
        Assert.All(Enumerable.Range(0, written.RowCount).Where(r => synthetic[r] == 1), r => Assert.True(written.Column("name").IsMissing(r)));
    }

    [Fact]
    public void Resample_ClassShareDown_RemovesRowsToTheExactCount()
    {
        using var file = new TempCsv();

        var json = CliRunner.RunJson("resample", "--data", "titanic", "--class-share", "0.25", "--under", "nearmiss1", "--out", file.Path);

        var change = json.GetProperty("resampling").GetProperty("changes")[0];
        // round(0.25 * 1122 / 0.75) = 374 of the 533 survivors stay.
        Assert.Equal((374, 374, 0), Counts(change.GetProperty("groupRows").GetProperty("after")));
        Assert.Equal(159, change.GetProperty("rowsRemoved").GetInt32());
        Assert.Equal(0, json.GetProperty("resampling").GetProperty("syntheticRows").GetInt32());
        Assert.Equal(1496, CsvDatasetReader.ReadFile(file.Path, DataLimits.Default).RowCount);
    }

    [Fact]
    public void Resample_BalanceLeftEnd_RemovesMajorityRowsUntilFiftyFifty_MinorityKept()
    {
        using var file = new TempCsv();

        var json = CliRunner.RunJson("resample", "--data", "titanic", "--balance", "-1", "--out", file.Path);

        var resampling = json.GetProperty("resampling");
        // 533 survivors (the minority) all stay; 1122 − 533 = 589 of the others go.
        Assert.Equal((1066, 533, 533), Counts(resampling.GetProperty("trainingRows").GetProperty("after")));
        var change = resampling.GetProperty("changes")[0];
        Assert.Equal(589, change.GetProperty("rowsRemoved").GetInt32());
        Assert.Equal(0, resampling.GetProperty("syntheticRows").GetInt32());
        Assert.Equal(0.5, change.GetProperty("shareAfter").GetDouble());
    }

    [Fact]
    public void Resample_BalanceRightHalfWay_AddsSyntheticMinorityRows_ExactCount()
    {
        using var file = new TempCsv();
        var share = 533 / 1655.0 + 0.5 * (0.5 - 533 / 1655.0);
        var survivors = (int)Math.Round(share * 1122 / (1 - share), MidpointRounding.AwayFromZero);

        var json = CliRunner.RunJson("resample", "--data", "titanic", "--balance", "0.5", "--out", file.Path);

        Assert.Equal((1122 + survivors, survivors, 1122), Counts(json.GetProperty("resampling").GetProperty("trainingRows").GetProperty("after")));
        Assert.Equal(survivors - 533, json.GetProperty("resampling").GetProperty("syntheticRows").GetInt32());
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("half")]
    public void Resample_BalanceOffTheTrack_RefusedWithTheRange(string value)
    {
        using var file = new TempCsv();

        var error = CliRunner.RunError("resample", "--data", "titanic", "--balance", value, "--out", file.Path);

        Assert.Contains($"--balance must be a number from -1 (undersample the majority until 50/50) to 1 (SMOTE the minority until 50/50), 0 being the data as it is, e.g. -0.5; '{value}' was given.", error);
    }

    [Fact]
    public void Resample_FeatureChangesThenClassShare_ApplyInOrderAsTheResamplerDoes()
    {
        using var file = new TempCsv();
        var (data, split) = CliData.Bundled("titanic");
        DistributionChange[] changes =
        [
            new(new CategoryGroup("embarked", "Q"), 0.2),
            new(new NumericRangeGroup("age", 60, double.PositiveInfinity), 0.1),
            new(ClassGroup.Minority(data, split.TrainRows), 0.4),
        ];
        var expected = Resampler.Apply(data, split.TrainRows, changes, 42);

        var json = CliRunner.RunJson("resample", "--data", "titanic", "--class-share", "0.4",
            "--feature", "embarked", "--category", "Q", "--share", "0.2", "--feature", "age", "--range", "60:", "--share", "0.1", "--out", file.Path);

        var reported = json.GetProperty("resampling").GetProperty("changes").EnumerateArray().ToArray();
        Assert.Equal(new[] { "embarked = Q", "age ≥ 60", "class 'yes'" }, reported.Select(c => c.GetProperty("group").GetString()));
        for (var i = 0; i < reported.Length; i++)
        {
            Assert.Equal(expected.Changes[i].GroupAfter.Total, reported[i].GetProperty("groupRows").GetProperty("after").GetProperty("total").GetInt32());
            Assert.Equal(expected.Changes[i].RowsAdded, reported[i].GetProperty("rowsAdded").GetInt32());
            Assert.Equal(expected.Changes[i].RowsRemoved, reported[i].GetProperty("rowsRemoved").GetInt32());
        }
        Assert.Equal(expected.RowCount, CsvDatasetReader.ReadFile(file.Path, DataLimits.Default).RowCount);
    }

    [Fact]
    public void Resample_FeatureWithoutGroup_UsesTheTopQuartile()
    {
        using var file = new TempCsv();
        var (data, split) = CliData.Bundled("breast_cancer_wisconsin");
        var topQuartile = NumericRangeGroup.TopQuartile(data, "mean_area", split.TrainRows);

        var json = CliRunner.RunJson("resample", "--data", "breast_cancer_wisconsin", "--feature", "mean_area", "--share", "0.4",
            "--over", "borderline", "--out", file.Path);

        var change = json.GetProperty("resampling").GetProperty("changes")[0];
        Assert.Equal(topQuartile.Describe(data), change.GetProperty("group").GetString());
        Assert.Equal(0.4, change.GetProperty("shareAfter").GetDouble(), 2);
        Assert.True(change.GetProperty("rowsAdded").GetInt32() > 0);
        Assert.Contains("Borderline-SMOTE 1", change.GetProperty("method").GetString());
    }

    [Fact]
    public void Resample_ShareAboveTheLimit_IsClampedWithAWarning()
    {
        using var file = new TempCsv();

        var json = CliRunner.RunJson("resample", "--data", "breast_cancer_wisconsin", "--class-share", "0.99", "--out", file.Path);

        var warning = Assert.Single(json.GetProperty("resampling").GetProperty("warnings").EnumerateArray());
        Assert.Equal("shareClamped", warning.GetProperty("kind").GetString());
        Assert.Equal(0.95, json.GetProperty("resampling").GetProperty("changes")[0].GetProperty("targetShare").GetDouble(), 3);
    }

    [Fact]
    public void Resample_SameSeed_SameFile_OtherSeed_OtherFile()
    {
        using var first = new TempCsv();
        using var second = new TempCsv();
        using var other = new TempCsv();
        string[] args = ["resample", "--data", "breast_cancer_wisconsin", "--class-share", "0.5"];

        CliRunner.RunJson([.. args, "--out", first.Path]);
        CliRunner.RunJson([.. args, "--out", second.Path]);
        CliRunner.RunJson([.. args, "--seed", "7", "--out", other.Path]);

        Assert.Equal(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.NotEqual(File.ReadAllBytes(first.Path), File.ReadAllBytes(other.Path));
    }

    [Theory]
    [InlineData("error: --class-share must be a number between 0 and 1 (exclusive), e.g. 0.3; '1.5' was given.", "--class-share", "1.5")]
    [InlineData("error: --class-share must be a number between 0 and 1 (exclusive), e.g. 0.3; '0' was given.", "--class-share", "0")]
    [InlineData("error: --share for --feature age must be a number between 0 and 1 (exclusive), e.g. 0.3; 'half' was given.", "--feature", "age", "--share", "half")]
    [InlineData("error: The data set 'titanic.csv' has no column named 'agee'.", "--feature", "agee", "--share", "0.3")]
    [InlineData("error: 'survived' is not a feature of 'titanic.csv', so it cannot have a slider.", "--feature", "survived", "--share", "0.3")]
    [InlineData("error: 'alien' is not a category of 'gender'. Its categories are: male, female.", "--feature", "gender", "--category", "alien", "--share", "0.3")]
    [InlineData("error: The range [50, 20) of 'age' is empty: its lower end must be below its upper end.", "--feature", "age", "--range", "50:20", "--share", "0.3")]
    [InlineData("error: --range for --feature age must be LO:HI with two numbers (e.g. 18:30, or 60: for 60 and above); 'old' was given.", "--feature", "age", "--range", "old", "--share", "0.3")]
    [InlineData("error: The column 'gender' is categorical, so its slider needs a category, not a range.", "--feature", "gender", "--range", "1:2", "--share", "0.3")]
    [InlineData("error: The column 'age' is numeric, so its slider needs a range, not a category.", "--feature", "age", "--category", "old", "--share", "0.3")]
    [InlineData("error: --feature age needs --share S: the share of the training rows its group should have, between 0 and 1.", "--feature", "age", "--range", "60:")]
    [InlineData("error: --feature age has two --share values (0.2 and 0.3); give one.", "--feature", "age", "--share", "0.2", "--share", "0.3")]
    [InlineData("error: --feature age has more than one --category or --range;", "--feature", "age", "--range", "1:5", "--range", "5:9", "--share", "0.3")]
    [InlineData("error: --share 0.3 belongs to a feature or the target: write it after --feature COLUMN, --target-range LO:HI or --relevance auto (for the class balance, use --class-share).", "--share", "0.3")]
    [InlineData("error: --category male belongs to a feature: write it after --feature COLUMN.", "--category", "male", "--feature", "gender", "--share", "0.3")]
    [InlineData("error: --under 'smote' is not a method. Choose one of: random, nearmiss1, nearmiss2, nearmiss3, tomek, enn.", "--class-share", "0.2", "--under", "smote")]
    [InlineData("error: --over 'tomek' is not a method. Choose one of: smote, smote-nc, borderline, adasyn, random, smoter, smogn, noise.", "--class-share", "0.6", "--over", "tomek")]
    [InlineData("error: The number of neighbours k must be at least 1; k = 0", "--class-share", "0.6", "--k", "0")]
    [InlineData("error: The test share must be between 0 and 1 (for example 0.25); 1.5 was given.", "--class-share", "0.6", "--test-size", "1.5")]
    [InlineData("error: Say what to move: --class-share S for the class balance, --feature COLUMN [--category V | --range LO:HI] --share S, or for a numeric target --target-range LO:HI --share S or --relevance auto --share S.")]
    public void Resample_BadOption_PrintsItsMessage(string message, params string[] options)
    {
        using var file = new TempCsv();

        var error = CliRunner.RunError(["resample", "--data", "titanic", .. options, "--out", file.Path]);

        Assert.StartsWith(message, error);
        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public void Resample_UnwritableOut_PrintsTheFileProblem()
    {
        var error = CliRunner.RunError("resample", "--class-share", "0.5", "--out", "/nonexistent-folder/out.csv");

        Assert.StartsWith("error: Cannot write '/nonexistent-folder/out.csv': ", error);
    }

    [Fact]
    public void Resample_DataWithAnIsSyntheticColumn_Refuses()
    {
        using var input = new TempCsv("in.csv");
        using var output = new TempCsv();
        File.WriteAllLines(input.Path, ["x,is_synthetic,y", .. Enumerable.Range(0, 20).Select(i => $"{i},0,{(i % 3 == 0 ? "a" : "b")}")]);

        var error = CliRunner.RunError("resample", "--data", input.Path, "--target", "y", "--class-share", "0.5", "--out", output.Path);

        Assert.Equal("error: The data set already has a column 'is_synthetic', which the written file uses to mark synthetic rows. Rename that column first.", error);
    }

    [Fact]
    public void Resample_WithoutOut_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("resample", "--class-share", "0.5");

        Assert.Equal(1, code);
        Assert.Contains("Option '--out' is required.", error);
    }

    /// <summary>(total, positive, negative) of a row-count object, whose byClass lists the positive class first.</summary>
    private static (int Total, int Positive, int Negative) Counts(JsonElement rows)
    {
        var byClass = rows.GetProperty("byClass").EnumerateObject().ToArray();
        return (rows.GetProperty("total").GetInt32(), byClass[0].Value.GetInt32(), byClass[1].Value.GetInt32());
    }
}
