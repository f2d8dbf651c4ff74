using System.ComponentModel.DataAnnotations;

namespace Dashboard.Storage;

/// <summary>Where runs, rooms and upload records are stored (appsettings section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (default: one file in the data folder) or "PostgreSql" (a shared server; needs <see cref="ConnectionString"/>).</summary>
    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For PostgreSQL: the Npgsql connection string. For SQLite: optional, replaces the file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite database's file name inside the data folder.</summary>
    [Required]
    public string SqliteFile { get; set; } = "dashboard.db";
}
