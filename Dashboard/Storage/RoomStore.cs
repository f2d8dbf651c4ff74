using Dashboard.Core.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>Rooms as JSON of their <see cref="RoomState"/>, one row per code; the newest version wins.</summary>
public sealed class RoomStore(DashboardDatabase database) : IRoomStore
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task SaveAsync(RoomState state, CancellationToken cancellationToken) => WriteAsync(state, keep: true, cancellationToken);

    /// <summary>Writes the state as <see cref="SaveAsync"/> does, in a transaction rolled back: compiles the write path, stores nothing.</summary>
    public Task RehearseAsync(RoomState state, CancellationToken cancellationToken) => WriteAsync(state, keep: false, cancellationToken);

    private async Task WriteAsync(RoomState state, bool keep, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            await using var rehearsal = keep ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.Rooms.FirstOrDefaultAsync(r => r.Code == state.Code, cancellationToken);
            if (stored is null)
            {
                db.Rooms.Add(new RoomEntity { Code = state.Code, Version = state.Version, StateJson = StorageJson.Write(state), UpdatedAt = DateTime.UtcNow });
            }
            else if (state.Version >= stored.Version)
            {
                stored.Version = state.Version;
                stored.StateJson = StorageJson.Write(state);
                stored.UpdatedAt = DateTime.UtcNow;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<RoomState?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var normal = RoomCode.Normalize(code);
        if (normal is null) return null;
        await using var db = database.CreateContext();
        var json = await db.Rooms.AsNoTracking().Where(r => r.Code == normal).Select(r => r.StateJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : StoredRoomState.Read(json);
    }
}
