using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Storage;

/// <summary>
/// For `dotnet ef migrations add NAME --context SqliteDashboardDbContext --output-dir Storage/Migrations/Sqlite`
/// (and the PostgreSQL twin): the tool builds the model from here instead of starting the app.
/// Neither connects to a database.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDashboardDbContext>
{
    public SqliteDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

