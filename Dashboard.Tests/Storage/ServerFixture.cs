using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Storage;

/// <summary>
/// One app process shared by a test class, with a 1 MB upload limit so "over the limit" is cheap to
/// test (the limit applies to bundled data sets too: lending_club, the largest, is 0.95 MB).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const int UploadLimit = 1_048_576;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("dashboard-server-").FullName;

    internal AppProcess App { get; private set; } = default!;

    public string Database => Path.Combine(DataFolder, "dashboard.db");

    public async Task InitializeAsync() =>
        App = await AppProcess.StartAsync(DataFolder, new Dictionary<string, string> { ["DataLimits__MaxFileBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
