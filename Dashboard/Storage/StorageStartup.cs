using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

/// <summary>
/// Before the app serves anyone: the database is created or migrated, and what a crash mid-upload
/// may have left (a half-written temporary file) is removed. Fails the start with one sentence
/// (no stack trace) when the data folder is not writable or the database cannot be reached.
/// </summary>
public sealed class StorageStartup(DashboardDatabase database, UploadStore uploads, IOptions<DashboardOptions> options, ILogger<StorageStartup> logger)
    : IHostedService
{
    /// <exception cref="StorageException">The data folder is not writable or the database cannot be opened: one sentence, shown by Program as it is.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DataFolderCheck.EnsureWritable(options.Value.DataFolder);
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogDebug(exception, "Opening the database failed");
            throw StorageException.IsFolderProblem(exception)
                ? StorageException.For(exception, $"The server cannot start: the database ({database.Description}) cannot be written")
                : new StorageException($"The server cannot start: the database ({database.Description}) could not be opened ({Components.Shared.UserMessage.From(exception)}). " +
                                       "Check the Storage settings and that the database server is running.", exception);
        }
        var removed = uploads.RemoveUnfinishedFiles();
        logger.LogInformation("Storage ready: {Database}; {Removed} unfinished upload file(s) removed", database.Description, removed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
