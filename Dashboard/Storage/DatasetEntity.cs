namespace Dashboard.Storage;

/// <summary>An uploaded data set (table "Datasets"); the file itself is kept in the data folder under the same hash.</summary>
public sealed class DatasetEntity
{
    /// <summary>SHA-256 of the file's content, lower-case hex.</summary>
    public required string Id { get; set; }

    /// <summary>The uploaded file's name, for display only (never used as a path).</summary>
    public required string DisplayName { get; set; }

    public long SizeBytes { get; set; }

    public int Rows { get; set; }

    public int Columns { get; set; }

    /// <summary>JSON of the column profiles (kind, missing, distinct, range).</summary>
    public required string ProfileJson { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }
}
