using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.Core.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

/// <summary>
/// Uploaded CSV files, kept in the data folder under the SHA-256 of their content (never under a
/// name the user chose), with the original file name beside them for display. A file is checked
/// by reading it fully before it is kept, so a stored upload always loads. Every file is written
/// under a temporary name and renamed, so a crash never leaves a half file under a final name; the
/// upload's record (name, size, profile) goes to the database when there is one.
/// </summary>
public sealed class UploadStore(IOptions<DashboardOptions> options, IOptions<DataLimits> limits, DatasetStore? records = null)
{
    private const string Unfinished = ".partial";

    public const string Prefix = DatasetSource.UploadPrefix;

    private string Folder => Path.Combine(options.Value.DataFolder, "uploads");

    public static bool IsUpload(string source) => DatasetSource.IsUpload(source);

    /// <summary>Checks and stores an upload held in memory (tests, small files); see <see cref="SaveAsync(Stream, string, Func{long, string?}?, CancellationToken)"/>.</summary>
    public async Task<StoredUpload> SaveAsync(byte[] content, string originalName, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await SaveAsync(stream, originalName, charge: null, cancellationToken);
    }

    /// <summary>
    /// Streams an upload to a temporary file, hashing it on the way and never taking more than the size
    /// limit; checks it by reading it once; keeps it under its hash. Memory holds one block of the
    /// stream and, while checking, the file once. The temporary file is gone when this returns, stored or not.
    /// </summary>
    /// <param name="charge">Called with each block's size; a non-null answer (the refusal) stops the upload.</param>
    /// <exception cref="DatasetException">The file is empty, too large, not a CSV the reader accepts, or refused by <paramref name="charge"/>.</exception>
    /// <exception cref="StorageException">The data folder is full or not writable.</exception>
    public async Task<StoredUpload> SaveAsync(Stream content, string originalName, Func<long, string?>? charge, CancellationToken cancellationToken)
    {
        var displayName = SafeDisplayName(originalName);
        var limit = limits.Value.MaxFileBytes;
        var temporary = Path.Combine(Folder, Guid.NewGuid().ToString("N") + Unfinished);
        try
        {
            Directory.CreateDirectory(Folder);
            string hash;
            long length = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var block = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(block, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        throw new DatasetException(DataProblem.FileTooLarge,
                            $"'{displayName}' is over the upload limit of {limit / 1048576.0:0.##} MB. Use a smaller file, or a sample of its rows.", displayName);
                    }
                    if (charge?.Invoke(read) is { } refusal) throw new DatasetException(DataProblem.FileTooLarge, refusal, displayName);
                    sha.AppendData(block, 0, read);
                    await file.WriteAsync(block.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true); // the bytes are on disk before the name says the file is complete
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (length == 0)
            {
                throw new DatasetException(DataProblem.EmptyFile, $"'{displayName}' is empty (0 bytes). Choose a CSV file with a header row and data rows.", displayName);
            }
            var dataset = CsvDatasetReader.ReadFile(temporary, limits.Value, displayName); // throws a clear message for a bad file
            File.Move(temporary, Path.Combine(Folder, hash + ".csv"), overwrite: true);
            await WriteThenRenameAsync(Path.Combine(Folder, hash + ".json"), JsonSerializer.SerializeToUtf8Bytes(new { name = displayName }), cancellationToken);
            if (records is not null) await records.RecordAsync(hash, displayName, length, dataset, cancellationToken);
            return new StoredUpload(Prefix + hash, displayName, dataset);
        }
        catch (Exception exception) when (StorageException.IsFolderProblem(exception))
        {
            throw StorageException.For(exception, $"'{displayName}' was not stored");
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Removed at the next start (RemoveUnfinishedFiles) if the folder refuses it now.
        }
    }

    private static async Task WriteThenRenameAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = path + Unfinished;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>Deletes temporary files an interrupted upload left behind; returns how many. Run at start, before uploads arrive.</summary>
    public int RemoveUnfinishedFiles()
    {
        if (!Directory.Exists(Folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + Unfinished))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    public Dataset Load(string source)
    {
        if (!DatasetSource.TryParseUpload(source, out var hash))
        {
            throw new DatasetException(DataProblem.FileNotFound, "That uploaded data set does not exist. Upload the file again.");
        }
        var path = Path.Combine(Folder, hash + ".csv");
        if (!File.Exists(path))
        {
            throw new DatasetException(DataProblem.FileNotFound, "That uploaded data set is no longer stored. Upload the file again.");
        }
        return CsvDatasetReader.ReadFile(path, limits.Value, DisplayName(hash));
    }

    private string DisplayName(string hash)
    {
        var sidecar = Path.Combine(Folder, hash + ".json");
        if (!File.Exists(sidecar)) return hash[..12] + ".csv";
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(sidecar));
            return json.RootElement.GetProperty("name").GetString() ?? hash[..12] + ".csv";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return hash[..12] + ".csv"; // a damaged name file never makes the data unreadable
        }
    }

    /// <summary>The last path segment only, without control characters: a name for display, never a path.</summary>
    public static string SafeDisplayName(string originalName)
    {
        var name = originalName.Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0 && s != "." && s != "..") ?? "upload.csv";
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = "upload.csv";
        return name.Length > 100 ? name[..100] : name;
    }
}
