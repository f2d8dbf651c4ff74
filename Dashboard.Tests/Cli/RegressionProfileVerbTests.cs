using Dashboard.Cli;

namespace Dashboard.Tests.Cli;

public class RegressionProfileVerbTests
{
    [Fact]
    public void Profile_Ames_ReportsRegressionAndWhy()
    {
        var (code, output, _) = CliRunner.Run("profile", "--data", "ames_housing");

        Assert.Equal(0, code);
        Assert.Contains("Target 'Sale_Price': regression. 'Sale_Price' is numeric with 1,032 distinct values", output);
        Assert.Matches(@"rare values\s+462\s+15\.8 %", output);
    }

    [Fact]
    public void Profile_BadTask_NamesTheChoices()
    {
        var (code, _, error) = CliRunner.Run("profile", "--data", "ames_housing", "--task", "numbers");

        Assert.Equal(2, code);
        Assert.Contains("--task 'numbers' is not a task. Choose auto, classification or regression.", error);
    }
}
