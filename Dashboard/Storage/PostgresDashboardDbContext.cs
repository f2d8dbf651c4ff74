using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>A shared PostgreSQL server (migrations in Storage/Migrations/PostgreSql).</summary>
public sealed class PostgresDashboardDbContext(DbContextOptions<PostgresDashboardDbContext> options) : DashboardDbContext(options);
