using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>Reads appsettings.json (next to the executable) for the command-line verbs, as the web host does.</summary>
internal static class AppConfiguration
{
    public static IConfiguration Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

    public static DataLimits DataLimits(IConfiguration configuration) =>
        configuration.GetSection("DataLimits").Get<DataLimits>() ?? Core.Data.DataLimits.Default;
}
