using Dashboard;
using Dashboard.Cli;

if (DashboardCli.IsCommandLine(args))
{
    return DashboardCli.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
app.Run();
return 0;
public partial class Program;
