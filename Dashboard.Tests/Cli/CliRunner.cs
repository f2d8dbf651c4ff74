using System.Text.Json;
using Dashboard.Cli;

namespace Dashboard.Tests.Cli;

/// <summary>Runs a command-line verb in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = DashboardCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs a verb that must succeed and parses the JSON it prints.</summary>
    public static JsonElement RunJson(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"exit code {code}: {error}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    /// <summary>Runs a verb that must fail on bad input: exit code 2, nothing on standard output, one "error: " line and no stack trace.</summary>
    public static string RunError(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain("   at ", error);
        return error.Trim();
    }
}
