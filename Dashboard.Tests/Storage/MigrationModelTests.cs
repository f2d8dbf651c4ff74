using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Storage;

/// <summary>
/// The migrations (hand-written when the EF tool is not at hand) describe the model exactly, for both providers: a
/// difference would make Migrate refuse to start the server. Comparing the model needs no database.
/// </summary>
public class MigrationModelTests
{
    [Fact]
    public void Sqlite_NoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_RunCosts"));
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_RunRegression"));
    }

    [Fact]
    public void Postgres_NoPendingModelChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_RunCosts"));
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_RunRegression"));
    }
}
