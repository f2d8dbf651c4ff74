using Dashboard.Core.Export;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>
/// The run history: stores a finished run in one transaction (a run id is stored at most once) and
/// reads runs back for the history page, the exports and replay. Writes from this process go one
/// at a time, so SQLite's single writer never makes a run wait on a lock it could lose.
/// </summary>
public sealed class RunStore(DashboardDatabase database)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Stores the run with all its results; false when a run with its id is already stored.</summary>
    public Task<bool> SaveAsync(RecordedRun run, CancellationToken cancellationToken) => WriteAsync(run, keep: true, cancellationToken);

    /// <summary>
    /// Writes the run exactly as <see cref="SaveAsync"/> does, inside a transaction that is then rolled back: nothing is
    /// stored. For the warm start: the first write on a fresh server compiles EF Core's update pipeline (about a second of
    /// CPU), which otherwise competed with the first visitor's page on a two-core server.
    /// </summary>
    public Task RehearseAsync(RecordedRun run, CancellationToken cancellationToken) => WriteAsync(run, keep: false, cancellationToken);

    private async Task<bool> WriteAsync(RecordedRun run, bool keep, CancellationToken cancellationToken)
    {
        var entity = RunMapping.ToEntity(run);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            // A transaction never committed: disposed, it rolls back everything written in it.
            await using var rehearsal = keep ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Runs.AnyAsync(r => r.Id == run.RunId, cancellationToken)) return false;
            db.Runs.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken); // one transaction: the run and its results, or nothing
                return true;
            }
            catch (DbUpdateException)
            {
                if (await ExistsAsync(run.RunId, cancellationToken)) return false; // another server stored it first
                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<bool> ExistsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>Stored results, newest first, for the history grid.</summary>
    public async Task<IReadOnlyList<RunResultRow>> ListAsync(RunFilter filter, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.RunResults.AsNoTracking().AsQueryable();
        if (filter.DatasetName is { } dataset) query = query.Where(r => r.Run!.DatasetName == dataset);
        if (filter.RoomCode is { } room)
        {
            var linked = await LinkedBaselinesAsync(db, room, cancellationToken);
            query = query.Where(r => r.Run!.RoomCode == room || linked.Contains(r.RunId));
        }
        if (filter.AlgorithmId is { } algorithm) query = query.Where(r => r.AlgorithmId == algorithm);
        // Every column but the scores and curves: the grid never needs them, and they are most of a row.
        var rows = await query
            .OrderByDescending(r => r.Run!.CompletedAt).ThenBy(r => r.RunId).ThenBy(r => r.Position)
            .Take(filter.Limit)
            .Select(r => new
            {
                r.Run!.CompletedAt, r.Run.RoomCode, r.Run.StartedBy, r.Run.Reason, r.Run.DatasetName, r.Run.Leaky, r.Run.CostsJson,
                Result = new RunResultEntity
                {
                    RunId = r.RunId, AlgorithmId = r.AlgorithmId, DisplayName = r.DisplayName, Status = r.Status,
                    HyperparametersJson = "", ClassWeightJson = "", TestScores = "", TestLabels = "", CurvesJson = "",
                    Threshold = r.Threshold, TruePositives = r.TruePositives, FalsePositives = r.FalsePositives,
                    TrueNegatives = r.TrueNegatives, FalseNegatives = r.FalseNegatives, Accuracy = r.Accuracy, Precision = r.Precision,
                    Recall = r.Recall, Specificity = r.Specificity, F1 = r.F1, F2 = r.F2, BalancedAccuracy = r.BalancedAccuracy,
                    GeometricMean = r.GeometricMean, Mcc = r.Mcc, RocAuc = r.RocAuc, PrAuc = r.PrAuc,
                    SupportPositive = r.SupportPositive, SupportNegative = r.SupportNegative, UndefinedJson = r.UndefinedJson,
                    RegressionJson = r.RegressionJson,
                },
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RunResultRow(r.Result.RunId, new DateTimeOffset(DateTime.SpecifyKind(r.CompletedAt, DateTimeKind.Utc)), r.RoomCode,
            r.StartedBy, r.Reason, r.DatasetName, r.Leaky, r.Result.AlgorithmId, r.Result.DisplayName, r.Result.Status, RunMapping.Metrics(r.Result))
        {
            Regression = RunMapping.Regression(r.Result),
            Costs = RunMapping.Costs(r.CostsJson),
        }).ToList();
    }

    public async Task<RunFacets> FacetsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var datasets = await db.Runs.Select(r => r.DatasetName).Distinct().ToListAsync(cancellationToken);
        var rooms = await db.Runs.Select(r => r.RoomCode).Distinct().ToListAsync(cancellationToken);
        var algorithms = await db.RunResults.Select(r => new { r.AlgorithmId, r.DisplayName }).Distinct().ToListAsync(cancellationToken);
        // Sorted here, not in SQL: the providers' collations differ, and a reader expects "loans" before "Titanic".
        return new RunFacets(
            [.. datasets.Order(StringComparer.OrdinalIgnoreCase)],
            [.. rooms.Order(StringComparer.Ordinal)],
            [.. algorithms.DistinctBy(a => a.AlgorithmId).OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase).Select(a => (a.AlgorithmId, a.DisplayName))]);
    }

    /// <summary>The runs with these ids that are stored, oldest first (unknown ids are left out).</summary>
    public async Task<IReadOnlyList<RecordedRun>> GetAsync(IEnumerable<string> runIds, CancellationToken cancellationToken)
    {
        var ids = runIds.Distinct().ToList();
        await using var db = database.CreateContext();
        var runs = await db.Runs.AsNoTracking().Include(r => r.Results).Where(r => ids.Contains(r.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        return Ordered(runs);
    }

    /// <summary>Every stored run of a room, oldest first, with the baselines it shares with other rooms.</summary>
    public async Task<IReadOnlyList<RecordedRun>> GetRoomAsync(string roomCode, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var linked = await LinkedBaselinesAsync(db, roomCode, cancellationToken);
        var runs = await db.Runs.AsNoTracking().Include(r => r.Results).Where(r => r.RoomCode == roomCode || linked.Contains(r.Id))
            .AsSplitQuery().ToListAsync(cancellationToken);
        return Ordered(runs);
    }

    /// <summary>
    /// The baselines a room showed (its stored state lists them): an identical baseline is stored once, under
    /// the room that ran it first, and every other room that opened the same data set links to it.
    /// </summary>
    private static async Task<List<string>> LinkedBaselinesAsync(DashboardDbContext db, string roomCode, CancellationToken cancellationToken)
    {
        var json = await db.Rooms.AsNoTracking().Where(r => r.Code == roomCode).Select(r => r.StateJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? [] : [.. StoredRoomState.Read(json).BaselineRunIds];
    }

    public async Task<RecordedRun?> GetAsync(string runId, CancellationToken cancellationToken) =>
        (await GetAsync([runId], cancellationToken)).FirstOrDefault();

    /// <summary>The settings a stored run was made with, for "load these settings"; null when the run is not stored.</summary>
    public async Task<RunReplay?> GetReplayAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var run = await db.Runs.AsNoTracking()
            .Where(r => r.Id == runId)
            .Select(r => new { r.ChoiceJson, r.SlidersJson, r.AlgorithmsJson, r.Threshold, r.Leaky, r.CostsJson })
            .FirstOrDefaultAsync(cancellationToken);
        return run is null ? null : new RunReplay(runId,
            StorageJson.Read<Core.Rooms.DatasetChoice>(run.ChoiceJson),
            StoredSliders.Read(run.SlidersJson),
            StorageJson.Read<Core.Rooms.AlgorithmSeat[]>(run.AlgorithmsJson),
            run.Threshold,
            run.Leaky)
        {
            Costs = RunMapping.Costs(run.CostsJson),
        };
    }

    private static IReadOnlyList<RecordedRun> Ordered(IEnumerable<RunEntity> runs) =>
        runs.OrderBy(r => r.CompletedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(RunMapping.ToRecord).ToList();
}
