using Dashboard.Core.Data;

namespace Dashboard.Storage;

/// <summary>An uploaded data set's record: its hash id, the name it was uploaded under, its size and profile.</summary>
public sealed record StoredDataset(string Id, string DisplayName, long SizeBytes, int Rows, int Columns, IReadOnlyList<ColumnProfile> Profile, DateTimeOffset UploadedAt)
{
    /// <summary>The source id rooms use for it.</summary>
    public string Source => UploadStore.Prefix + Id;
}
