namespace Dashboard.Storage;

/// <summary>The database behind the run history.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
