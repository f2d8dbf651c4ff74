using Dashboard.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Storage;

/// <summary>A fresh, migrated SQLite database in a temporary data folder, deleted afterwards.</summary>
internal sealed class SqliteDatabaseFixture : IAsyncDisposable
{
    private SqliteDatabaseFixture(string folder, DashboardDatabase database)
    {
        DataFolder = folder;
        Database = database;
    }

    public string DataFolder { get; }

    public DashboardDatabase Database { get; }

    public static async Task<SqliteDatabaseFixture> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-storage-").FullName;
        var database = new DashboardDatabase(Options.Create(new StorageOptions()), Options.Create(new DashboardOptions { DataFolder = folder }));
        await database.MigrateAsync(CancellationToken.None);
        return new SqliteDatabaseFixture(folder, database);
    }

    /// <summary>One value from a SQL query on the database file, bypassing EF.</summary>
    public object? Scalar(string sql) => StorageAssert.Scalar(Database.SqliteFile!, sql);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
