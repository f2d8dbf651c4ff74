namespace Dashboard.Core.Data;

/// <summary>
/// How a web client names a data set: a bundled data set's name, or the id of a stored upload
/// ("upload:" and the 64 lowercase hex digits of the file's SHA-256). Nothing else is accepted
/// from a client, so no text it sends can make the server open a file of its choosing.
/// </summary>
public static class DatasetSource
{
    public const string UploadPrefix = "upload:";

    private const int HashLength = 64;

    public static bool IsUpload(string? source) => source?.StartsWith(UploadPrefix, StringComparison.Ordinal) == true;

    /// <summary>The upload's content hash when the source is a well-formed upload id.</summary>
    public static bool TryParseUpload(string? source, out string hash)
    {
        hash = "";
        if (!IsUpload(source)) return false;
        var rest = source![UploadPrefix.Length..];
        if (rest.Length != HashLength || !rest.All(char.IsAsciiHexDigitLower)) return false;
        hash = rest;
        return true;
    }

    /// <summary>
    /// Refuses anything that is neither a bundled name nor a well-formed upload id, with a message
    /// for the user. Looks at the text only: never touches the file system.
    /// </summary>
    /// <exception cref="DatasetException">The source is not one a client may name.</exception>
    public static void Check(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DatasetException(DataProblem.UnknownDataset,
                $"Say which data set to use: one of the bundled ones ({string.Join(", ", BundledDatasets.Names)}) or an uploaded CSV file.");
        }
        if (BundledDatasets.Find(source) is not null || TryParseUpload(source, out _)) return;
        var unknown = IsUpload(source)
            ? "That upload id is not well formed"
            : $"'{Shown(source)}' is not one of this server's data sets";
        throw new DatasetException(DataProblem.UnknownDataset,
            $"{unknown}. Choose a bundled data set ({string.Join(", ", BundledDatasets.Names)}) or upload a CSV file; the server does not open file paths.");
    }

    /// <summary>The client's text as it may be echoed back: short, one line.</summary>
    private static string Shown(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
