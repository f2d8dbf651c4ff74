namespace Dashboard.Storage;

/// <summary>Before the server starts: the data folder exists and takes a write, or the start stops with one clear line.</summary>
public static class DataFolderCheck
{
    /// <exception cref="StorageException">The folder cannot be created or written (read-only, no permission, disk full).</exception>
    public static void EnsureWritable(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                file.Write(new byte[4096]);
            }
            File.Delete(probe);
        }
        catch (Exception exception) when (StorageException.IsFolderProblem(exception))
        {
            throw new StorageException(StorageException.IsDiskFull(exception)
                ? $"The server cannot start: the disk of its data folder '{folder}' is full. Free some space, or set Dashboard:DataFolder to a folder on another disk."
                : $"The server cannot start: its data folder '{folder}' is not writable. Give the server's user write access to it, or set Dashboard:DataFolder to a writable folder.",
                exception);
        }
    }
}
