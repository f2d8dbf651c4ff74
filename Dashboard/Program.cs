using Dashboard;
using Dashboard.Cli;
using Dashboard.Storage;

if (DashboardCli.IsCommandLine(args))
{
    return DashboardCli.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
try
{
    app.Run();
}
catch (Exception problem) when (problem is StorageException or Dashboard.Cluster.ClusterUnavailableException)
{
    // A data folder, database or cluster the server cannot use: one line that says what to do, no stack trace.
    Console.Error.WriteLine($"error: {problem.Message}");
    return 2;
}
return 0;
public partial class Program;
