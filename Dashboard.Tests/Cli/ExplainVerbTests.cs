namespace Dashboard.Tests.Cli;

public sealed class ExplainVerbTests
{
    [Fact]
    public void Explain_Json_OneExplanationPerRow_AdditiveOverTheOriginalColumns()
    {
        var json = CliRunner.RunJson("explain", "--data", "titanic", "--model", "lightgbm", "--rows", "0,5", "--json");

        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([0, 5], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(rows, row =>
        {
            Assert.Equal("treeShap", row.GetProperty("method").GetString());
            var contributions = row.GetProperty("contributions").EnumerateArray().ToArray();
            // titanic's features: name and ticketno are excluded, survived is the target.
            Assert.Equal(["age", "class", "country", "embarked", "fare", "gender", "parch", "sibsp"],
                contributions.Select(c => c.GetProperty("column").GetString()).Order());
            var total = row.GetProperty("baseValue").GetDouble() + contributions.Sum(c => c.GetProperty("contribution").GetDouble());
            Assert.Equal(row.GetProperty("value").GetDouble(), total, 6);
        });
        Assert.Equal("yes", rows[1].GetProperty("label").GetString());
    }

    [Fact]
    public void Explain_Table_NamesTheMethodAndTheErrorBars()
    {
        var (code, output, _) = CliRunner.Run("explain", "--data", "breast_cancer_wisconsin", "--model", "mlp", "--rows", "3", "--samples", "50");

        Assert.Equal(0, code);
        Assert.Contains("Row 3 (", output);
        Assert.Contains("SamplingShapley, probability", output);
        Assert.Matches(@"\nmean_radius\s+[+-]\d\.\d{4}\s+\d\.\d{4}", output);
    }

    [Theory]
    [InlineData("error: --rows: '99999' is not a row of this data set; give 0-based indices from 0 to 2206.", "--rows", "99999")]
    [InlineData("error: --rows: 'x' is not a row of this data set; give 0-based indices from 0 to 2206.", "--rows", "1,x")]
    [InlineData("error: --samples must be between 10 and 100,000; 5 was given.", "--rows", "1", "--samples", "5")]
    public void Explain_BadOption_PrintsItsMessage(string message, params string[] options)
    {
        var error = CliRunner.RunError(["explain", "--data", "titanic", .. options]);

        Assert.Equal(message, error);
    }

    [Fact]
    public void Explain_NumericTarget_SaysItExplainsClassifiersOnly()
    {
        var error = CliRunner.RunError("explain", "--data", "ames_housing", "--rows", "1");

        Assert.Contains("explain is offered for classifiers only so far;", error);
        Assert.Contains("is predicted as a number (regression)", error);
    }
}
