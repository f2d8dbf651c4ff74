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
}
