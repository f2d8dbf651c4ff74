using System.CommandLine;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>
/// The command-line verbs, served by the same executable as the web app: with a verb it runs
/// the verb and exits; with no verb (or only host options such as --urls) it serves the dashboard.
/// </summary>
internal static class DashboardCli
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "--version"];

    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && (HelpTokens.Contains(args[0]) || BuildRoot(TextWriter.Null).Subcommands.Any(c => c.Name == args[0]));

    public static RootCommand BuildRoot(TextWriter output)
    {
        var root = new RootCommand("Imbalance dashboard: see what class imbalance and skewed feature distributions do to classifiers. " +
                                   "Run with no verb to serve the dashboard.");
        root.Add(ProfileVerb.Create(output));
        root.Add(ResampleVerb.Create(output));
        root.Add(LoopVerb.Create(output));
        root.Add(ImportanceVerb.Create(output));
        root.Add(ExplainVerb.Create(output));
        root.Add(FairnessVerb.Create(output));
        root.Add(BenchVerb.Create(output));
        return root;
    }

    /// <summary>Runs a verb. Bad input prints its message (never a stack trace) and exits with 2.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = BuildRoot(output).Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DatasetException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }
    }
}
