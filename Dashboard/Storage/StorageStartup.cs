namespace Dashboard.Storage;

/// <summary>
/// Before the app serves anyone: the database is created or migrated, and what a crash mid-upload
/// may have left (a half-written temporary file) is removed. Fails the start with a clear log line
/// when the database cannot be reached.
/// </summary>
public sealed class StorageStartup(DashboardDatabase database, UploadStore uploads, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogCritical(exception, "The database ({Database}) could not be opened or migrated", database.Description);
            throw;
        }
        var removed = uploads.RemoveUnfinishedFiles();
        logger.LogInformation("Storage ready: {Database}; {Removed} unfinished upload file(s) removed", database.Description, removed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
