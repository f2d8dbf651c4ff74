using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>The records of uploaded data sets (the files themselves stay in the data folder, named by hash).</summary>
public sealed class DatasetStore(DashboardDatabase database)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Records an upload; the same content uploaded again keeps its first record.</summary>
    public async Task RecordAsync(string hash, string displayName, long sizeBytes, Dataset dataset, CancellationToken cancellationToken)
    {
        var profile = DatasetProfiler.Profile(dataset);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            if (await db.Datasets.AnyAsync(d => d.Id == hash, cancellationToken)) return;
            db.Datasets.Add(new DatasetEntity
            {
                Id = hash,
                DisplayName = displayName,
                SizeBytes = sizeBytes,
                Rows = profile.RowCount,
                Columns = profile.Columns.Count,
                ProfileJson = StorageJson.Write(profile.Columns),
                UploadedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<StoredDataset>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Datasets.AsNoTracking().OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return rows.Select(d => new StoredDataset(d.Id, d.DisplayName, d.SizeBytes, d.Rows, d.Columns,
            StorageJson.Read<ColumnProfile[]>(d.ProfileJson), new DateTimeOffset(DateTime.SpecifyKind(d.UploadedAt, DateTimeKind.Utc)))).ToList();
    }
}
