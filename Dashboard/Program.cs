using Dashboard.Cli;

if (DashboardCli.IsCommandLine(args))
{
    return DashboardCli.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("ok"));
app.Run();
return 0;
