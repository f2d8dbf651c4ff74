namespace Dashboard.Tests.Cli;

public class FairnessVerbTests
{
    [Fact]
    public void Fairness_TitanicGenderJson_GroupCountsAreTheSplitsTestRows()
    {
        var (data, split) = CliData.Bundled("titanic");
        var gender = data.Data.Column("gender");

        var json = CliRunner.RunJson("fairness", "--data", "titanic", "--sensitive", "gender", "--json");

        var groups = json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(["male", "female"], groups.Keys);
        foreach (var (name, group) in groups)
        {
            var rows = split.TestRows.Where(r => gender.FormatValue(r) == name).ToArray();
            Assert.Equal(rows.Length, group.GetProperty("rows").GetInt32());
            Assert.Equal(rows.Count(r => data.Labels[r] == 1), group.GetProperty("positives").GetInt32());
            Assert.Equal(0, group.GetProperty("undefined").GetArrayLength());
        }
        Assert.True(json.GetProperty("usedAsFeature").GetBoolean());
    }

    [Fact]
    public void Fairness_TitanicGenderJson_GapsAreMaxMinusMinOfTheGroupRates()
    {
        var json = CliRunner.RunJson("fairness", "--data", "titanic", "--sensitive", "gender", "--model", "logistic", "--json");

        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        foreach (var (gapName, rateName) in new[] { ("equalOpportunity", "recall"), ("demographicParity", "selectionRate") })
        {
            var gap = json.GetProperty(gapName);
            var rates = groups.ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty(rateName).GetDouble());
            Assert.Equal(rates.Values.Max() - rates.Values.Min(), gap.GetProperty("difference").GetDouble(), 12);
            Assert.Equal(rates.Values.Max(), rates[gap.GetProperty("highestGroup").GetString()!]);
            Assert.Equal(rates.Values.Min(), rates[gap.GetProperty("lowestGroup").GetString()!]);
        }
        // The model learns that women survived far more often: it finds more of them and selects more of them.
        Assert.Equal("female", json.GetProperty("equalOpportunity").GetProperty("highestGroup").GetString());
        Assert.Equal("female", json.GetProperty("demographicParity").GetProperty("highestGroup").GetString());
        var proxies = json.GetProperty("proxies").EnumerateArray().Where(p => p.GetProperty("isProxy").GetBoolean()).Select(p => p.GetProperty("column").GetString());
        Assert.Equal(["name"], proxies);
    }

    [Fact]
    public void Fairness_ThresholdAboveEveryScore_NothingSelectedAndPrecisionUndefined()
    {
        var json = CliRunner.RunJson("fairness", "--data", "titanic", "--sensitive", "class", "--threshold", "2", "--json");

        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(7, groups.Length);
        Assert.All(groups, g => Assert.Equal(0.0, g.GetProperty("selectionRate").GetDouble()));
        Assert.All(groups, g => Assert.Contains("precision", g.GetProperty("undefined").EnumerateArray().Select(u => u.GetString())));
        Assert.Equal(0.0, json.GetProperty("demographicParity").GetProperty("difference").GetDouble());
    }

    [Fact]
    public void Fairness_TitanicTable_GroupsGapsAndProxies()
    {
        var (code, output, _) = CliRunner.Run("fairness", "--data", "titanic", "--sensitive", "gender", "--exclude", "name", "gender");

        Assert.Equal(0, code);
        Assert.Contains("LightGBM trained on 1,655 rows (without 'gender')", output);
        Assert.Matches(@"group\s+rows\s+positives\s+recall\s+false-pos\. rate\s+precision\s+selection rate\r?\n[-\s]+\r?\nmale\s+\d+\s+\d+\s+0\.\d{3}", output);
        Assert.Matches(@"Equal-opportunity difference \(recall, groups with positives\): 0\.\d{3} \(\w+ 0\.\d{3} vs \w+ 0\.\d{3}, 2 groups\)", output);
        Assert.Matches(@"\nname\s+0\.9\d\d\s+most common word\s+\d+\s+yes", output);
    }

    [Theory]
    [InlineData("survived", "is the target")]
    [InlineData("religion", "no column named 'religion'")]
    public void Fairness_BadSensitiveColumn_ClearError(string sensitive, string message)
    {
        var error = CliRunner.RunError("fairness", "--data", "titanic", "--sensitive", sensitive);

        Assert.Contains(message, error);
    }

    [Fact]
    public void IsCommandLine_Fairness_True()
    {
        Assert.True(Dashboard.Cli.DashboardCli.IsCommandLine(["fairness"]));
    }
}
