using System.Text.Json;
using Dashboard.Cli;

namespace Dashboard.Tests.Cli;

public class ProfileVerbTests
{
    [Fact]
    public void Profile_TitanicTable_ShowsClassCountsAndColumnUse()
    {
        var (code, output, _) = CliRunner.Run("profile", "--data", "titanic", "--target", "survived");

        Assert.Equal(0, code);
        Assert.Contains("titanic.csv: 2,207 rows, 11 columns", output);
        Assert.Matches(@"yes \(positive\)\s+711\s+32\.2 %", output);
        Assert.Matches(@"name\s+categorical\s+0\s+2202.*excluded \(identifier-like\)", output);
    }

    [Fact]
    public void Profile_Json_IsMachineReadable()
    {
        var (code, output, _) = CliRunner.Run("profile", "--data", "lending_club", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(9857, json.RootElement.GetProperty("rowCount").GetInt32());
        var classes = json.RootElement.GetProperty("classCounts").EnumerateArray().ToArray();
        Assert.Equal(("bad", 517), (classes[0].GetProperty("label").GetString(), classes[0].GetProperty("count").GetInt32()));
        Assert.Equal("categorical", json.RootElement.GetProperty("columns")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Profile_BadFile_PrintsMessageNotStackTrace()
    {
        var (code, output, error) = CliRunner.Run("profile", "--data", TestData.PathOf("bad/ragged_row.csv"), "--target", "target");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: 'ragged_row.csv', line 3:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("profile")]
    [InlineData("--help")]
    public void IsCommandLine_VerbOrHelp_True(string first)
    {
        Assert.True(DashboardCli.IsCommandLine([first]));
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    public void IsCommandLine_NoVerb_ServesDashboard(params string[] args)
    {
        Assert.False(DashboardCli.IsCommandLine(args));
    }

    [Fact]
    public void Help_ListsVerbs()
    {
        var (code, output, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("profile", output);
    }
}
