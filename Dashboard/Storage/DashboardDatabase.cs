using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

/// <summary>
/// Opens contexts on the configured database (SQLite file by default, PostgreSQL by configuration)
/// and brings its schema up to date with the committed migrations. One per app.
/// </summary>
public sealed class DashboardDatabase
{
    private readonly Func<DashboardDbContext> _create;

    public DashboardDatabase(IOptions<StorageOptions> storage, IOptions<DashboardOptions> dashboard)
    {
        var options = storage.Value;
        Provider = options.Provider;
        switch (options.Provider)
        {
            case StorageProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
                        ["Storage:Provider is PostgreSql, so Storage:ConnectionString must be set (e.g. Host=…;Database=…;Username=…;Password=…)."]);
                }
                var postgres = new DbContextOptionsBuilder<PostgresDashboardDbContext>().UseNpgsql(options.ConnectionString).Options;
                _create = () => new PostgresDashboardDbContext(postgres);
                Description = "PostgreSQL";
                break;
            default:
                var connection = options.ConnectionString;
                if (string.IsNullOrWhiteSpace(connection))
                {
                    Directory.CreateDirectory(dashboard.Value.DataFolder);
                    SqliteFile = Path.GetFullPath(Path.Combine(dashboard.Value.DataFolder, options.SqliteFile));
                    connection = new SqliteConnectionStringBuilder { DataSource = SqliteFile, DefaultTimeout = 30 }.ToString();
                }
                var sqlite = new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite(connection).Options;
                _create = () => new SqliteDashboardDbContext(sqlite);
                Description = SqliteFile is null ? "SQLite" : $"SQLite ({SqliteFile})";
                break;
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>The SQLite database file, when the database is one.</summary>
    public string? SqliteFile { get; }

    /// <summary>For logs: which database this is (never the connection string, which may hold a password).</summary>
    public string Description { get; }

    public DashboardDbContext CreateContext() => _create();

    /// <summary>Creates the database or applies any newer migrations; SQLite is then switched to write-ahead logging.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (Provider == StorageProvider.Sqlite)
        {
            // WAL is a property of the file: set once, it stays. Readers no longer block the writer,
            // and a killed process leaves the last committed transaction intact.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
