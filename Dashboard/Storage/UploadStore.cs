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

    public const string Prefix = "upload:";

    private string Folder => Path.Combine(options.Value.DataFolder, "uploads");

    public static bool IsUpload(string source) => source.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Checks and stores an upload; returns its source id. Throws <see cref="DatasetException"/> with the user's message.</summary>
    public async Task<string> SaveAsync(byte[] content, string originalName, CancellationToken cancellationToken)
    {
        var displayName = SafeDisplayName(originalName);
        if (content.Length == 0)
        {
            throw new DatasetException(DataProblem.EmptyFile, $"'{displayName}' is empty (0 bytes). Choose a CSV file with a header row and data rows.", displayName);
        }
        var dataset = CsvDatasetReader.Read(content, displayName, limits.Value); // throws a clear message for a bad or too large file
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, hash + ".csv");
        if (!File.Exists(path))
        {
            await WriteThenRenameAsync(path, content, cancellationToken);
        }
        await WriteThenRenameAsync(Path.Combine(Folder, hash + ".json"), JsonSerializer.SerializeToUtf8Bytes(new { name = displayName }), cancellationToken);
        if (records is not null) await records.RecordAsync(hash, displayName, content.Length, dataset, cancellationToken);
        return Prefix + hash;
    }

    private static async Task WriteThenRenameAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = path + Unfinished;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.WriteAsync(content, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true); // the bytes are on disk before the name says the file is complete
        }
        File.Move(temporary, path, overwrite: true);
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
        var hash = source[Prefix.Length..];
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
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
