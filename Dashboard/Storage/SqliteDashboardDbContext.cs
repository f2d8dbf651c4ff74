using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>The embedded default: one SQLite file in the data folder (migrations in Storage/Migrations/Sqlite).</summary>
public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options) : DashboardDbContext(options);
