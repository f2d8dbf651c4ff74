using Microsoft.Data.Sqlite;

namespace Dashboard.Storage;

/// <summary>
/// The data folder or database refused a write (disk full, read-only, no permission). The message is
/// one sentence for the user or the log; what was stored before is untouched.
/// </summary>
public sealed class StorageException(string message, Exception inner) : Exception(message, inner)
{
    // errno values on Linux (IOException.HResult carries them there) and SQLite's result codes.
    private const int NoSpace = 28, ReadOnlyFileSystem = 30;
    private const int SqliteReadOnly = 8, SqliteFull = 13, SqliteCannotOpen = 14;

    public static bool IsFolderProblem(Exception exception) => Kind(exception) is not null;

    public static bool IsDiskFull(Exception exception) => Kind(exception) == "full";

    /// <summary>A sentence: what did not happen (e.g. "'a.csv' was not stored"), why, and what to do.</summary>
    public static StorageException For(Exception exception, string what) => new(
        IsDiskFull(exception)
            ? $"{what}: the server's disk is full. Tell whoever runs the server; nothing stored before was lost."
            : $"{what}: the server's data folder is not writable. Tell whoever runs the server; nothing stored before was lost.",
        exception);

    /// <summary>"full", "read-only", or null when the failure is not the folder's.</summary>
    private static string? Kind(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case UnauthorizedAccessException:
                    return "read-only";
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return "full";
                case SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteCannotOpen }:
                    return "read-only";
                case IOException io when io.HResult == NoSpace || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase):
                    return "full";
                case IOException io when io.HResult == ReadOnlyFileSystem || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase):
                    return "read-only";
            }
        }
        return null;
    }
}
