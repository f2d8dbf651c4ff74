using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Storage;
using Dashboard.Tests.Export;

namespace Dashboard.Tests.Storage;

public class RunStoreTests : IAsyncLifetime
{
    private SqliteDatabaseFixture _db = default!;
    private RunStore _store = default!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabaseFixture.CreateAsync();
        _store = new RunStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Migrate_NewDataFolder_CreatesOneWalDatabaseFile()
    {
        Assert.Equal(Path.Combine(_db.DataFolder, "dashboard.db"), _db.Database.SqliteFile);
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode;"));
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check;"));
        Assert.Equal(3L, _db.Scalar("SELECT COUNT(*) FROM __EFMigrationsHistory;")); // InitialCreate, RunCosts, RunRegression

        await _db.Database.MigrateAsync(CancellationToken.None); // a second start changes nothing
        Assert.Equal(3L, _db.Scalar("SELECT COUNT(*) FROM __EFMigrationsHistory;")); // InitialCreate, RunCosts, RunRegression
    }

    [Fact]
    public async Task RehearseAsync_WritesNothing_TheRealSaveAfterItStoresTheRun()
    {
        var run = RunFixtures.Run("a1b2c3d4e5f6", RunFixtures.Start);

        await _store.RehearseAsync(run, CancellationToken.None);

        Assert.Null(await _store.GetAsync(run.RunId, CancellationToken.None));
        Assert.Equal(0L, _db.Scalar("SELECT COUNT(*) FROM RunResults;"));
        Assert.True(await _store.SaveAsync(run, CancellationToken.None)); // not "stored already"
        Assert.Equal(4L, _db.Scalar("SELECT COUNT(*) FROM RunResults WHERE RunId = 'a1b2c3d4e5f6';"));
    }

    [Fact]
    public async Task SaveAsync_ThenGetAsync_EveryValueRoundTrips()
    {
        var run = RunFixtures.Run("a1b2c3d4e5f6", RunFixtures.Start.AddTicks(1234567));

        Assert.True(await _store.SaveAsync(run, CancellationToken.None));
        var stored = await _store.GetAsync(run.RunId, CancellationToken.None);

        StorageAssert.SameRun(run, stored!);
        Assert.True(double.IsPositiveInfinity(((Dashboard.Core.Resampling.NumericRangeGroup)stored!.Sliders[2].Group).Hi));
        Assert.Equal(4L, _db.Scalar("SELECT COUNT(*) FROM RunResults WHERE RunId = 'a1b2c3d4e5f6';"));
        Assert.Equal(0.75, (double)_db.Scalar("SELECT F1 FROM RunResults WHERE AlgorithmId = 'random-forest';")!, 12);
    }

    [Fact]
    public async Task SaveAsync_RegressionRun_RSquaredErrorsAndPredictionsComeBack_HistoryRowCarriesThem()
    {
        var regressed = Dashboard.Tests.Components.TestResults.Regressed("svm", [110_000, 150_000, 170_000, 240_000, 300_000, 390_000]);
        var run = RunFixtures.Run("reg123456789", RunFixtures.Start, [regressed]);

        Assert.True(await _store.SaveAsync(run, CancellationToken.None));
        var stored = (await _store.GetAsync(run.RunId, CancellationToken.None))!.Results.Single();
        var row = (await _store.ListAsync(new RunFilter(), CancellationToken.None)).Single();

        Assert.Equal(regressed.Regression, stored.Regression);
        Assert.Equal(regressed.TestPredictions, stored.TestPredictions);
        Assert.Equal(regressed.TestTargets, stored.TestTargets);
        Assert.Null(stored.Metrics);
        Assert.Equal(regressed.Regression, row.Regression);
        Assert.IsType<DBNull>(_db.Scalar("SELECT F1 FROM RunResults;"));
    }

    [Fact]
    public async Task SaveAsync_SameRunTwice_StoredOnce()
    {
        var run = RunFixtures.Run("dup", RunFixtures.Start);

        Assert.True(await _store.SaveAsync(run, CancellationToken.None));
        Assert.False(await _store.SaveAsync(run with { Reason = "again" }, CancellationToken.None));

        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM Runs;"));
        Assert.Equal(4L, _db.Scalar("SELECT COUNT(*) FROM RunResults;"));
        Assert.Equal("moved class balance to 0.5", (await _store.GetAsync("dup", CancellationToken.None))!.Reason);
    }

    [Fact]
    public async Task SaveAsync_ManyConcurrently_EveryRunOnce()
    {
        var runs = Enumerable.Range(0, 24).Select(i => RunFixtures.Run($"run{i:00}", RunFixtures.Start.AddSeconds(i), room: i % 2 == 0 ? "AAA-AAA" : "BBB-BBB")).ToList();

        var saved = await Task.WhenAll(runs.Concat(runs.Take(5)).Select(r => Task.Run(() => _store.SaveAsync(r, CancellationToken.None))));

        Assert.Equal(24, saved.Count(s => s));
        Assert.Equal(24L, _db.Scalar("SELECT COUNT(*) FROM Runs;"));
        Assert.Equal(96L, _db.Scalar("SELECT COUNT(*) FROM RunResults;"));
        Assert.Equal(runs.Where((_, i) => i % 2 == 0).Select(r => r.RunId), (await _store.GetRoomAsync("AAA-AAA", CancellationToken.None)).Select(r => r.RunId));
    }

    [Fact]
    public async Task ListAsync_Filters_ExactRowsNewestFirst()
    {
        await _store.SaveAsync(RunFixtures.Run("r1", RunFixtures.Start, room: "AAA-AAA"), CancellationToken.None);
        await _store.SaveAsync(RunFixtures.Run("r2", RunFixtures.Start.AddMinutes(1), room: "BBB-BBB"), CancellationToken.None);
        await _store.SaveAsync(RunFixtures.Run("r3", RunFixtures.Start.AddMinutes(2), room: "AAA-AAA",
            dataset: RunFixtures.Titanic with { Source = "upload:abc", DisplayName = "loans.csv" }, results: [RunFixtures.Result("svm", RunFixtures.ShyScores)]), CancellationToken.None);

        var all = await _store.ListAsync(new RunFilter(), CancellationToken.None);
        var roomA = await _store.ListAsync(new RunFilter(RoomCode: "AAA-AAA"), CancellationToken.None);
        var svm = await _store.ListAsync(new RunFilter(AlgorithmId: "svm"), CancellationToken.None);
        var loans = await _store.ListAsync(new RunFilter(DatasetName: "loans.csv"), CancellationToken.None);
        var facets = await _store.FacetsAsync(CancellationToken.None);

        Assert.Equal(9, all.Count);
        Assert.Equal(["r3", "r2", "r2", "r2", "r2", "r1", "r1", "r1", "r1"], all.Select(r => r.RunId));
        Assert.Equal(5, roomA.Count);
        Assert.Equal(["r3", "r2", "r1"], svm.Select(r => r.RunId));
        Assert.Equal(1.0, svm[0].Get(MetricId.Precision));
        Assert.Equal("r3", loans.Single().RunId);
        Assert.Equal(new ConfusionMatrix(1, 0, 7, 2), loans[0].Metrics!.Confusion);
        var shy = RunFixtures.Result("svm", RunFixtures.ShyScores).Metrics!;
        Assert.Equal(shy, loans[0].Metrics! with { Undefined = shy.Undefined }); // every metric exactly as computed
        Assert.Equal(["AAA-AAA", "BBB-BBB"], facets.Rooms);
        Assert.Equal(["loans.csv", "Titanic passengers and crew"], facets.Datasets);
        Assert.Equal(4, facets.Algorithms.Count);
        Assert.Null(all.Single(r => r.RunId == "r1" && r.AlgorithmId == "mlp").Metrics);
    }

    [Fact]
    public async Task GetReplayAsync_StoredRun_SettingsAsPlainRecords()
    {
        var run = RunFixtures.Run("replay", RunFixtures.Start);
        await _store.SaveAsync(run, CancellationToken.None);

        var replay = await _store.GetReplayAsync("replay", CancellationToken.None);
        var missing = await _store.GetReplayAsync("nope", CancellationToken.None);

        Assert.Null(missing);
        Assert.NotNull(replay);
        Assert.Equal(run.Choice.Source, replay.Dataset.Source);
        Assert.Equal((42, 0.25, "survived"), (replay.Dataset.SplitSeed, replay.Dataset.TestShare, replay.Dataset.Target));
        Assert.Equal(run.Sliders, replay.Sliders);
        Assert.Equal(0.5, replay.Sliders[0].TargetShare);
        Assert.Equal(Dashboard.Core.Resampling.UndersamplingMethod.NearMiss1, replay.Sliders[1].Under);
        Assert.Equal(RoomDefaults.Algorithms().Select(a => a.AlgorithmId), replay.Algorithms.Select(a => a.AlgorithmId));
        Assert.Equal((0.5, false), (replay.Threshold, replay.Leaky));
    }

    [Fact]
    public async Task GetAsync_UnknownAndKnownIds_OnlyStoredOnesOldestFirst()
    {
        await _store.SaveAsync(RunFixtures.Run("late", RunFixtures.Start.AddHours(1)), CancellationToken.None);
        await _store.SaveAsync(RunFixtures.Run("early", RunFixtures.Start), CancellationToken.None);

        var runs = await _store.GetAsync(["late", "ghost", "early"], CancellationToken.None);

        Assert.Equal(["early", "late"], runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task SaveAsync_RunWithCosts_CostsComeBackWithTheRunAndItsReplay_OlderRowsReadOneAndOne()
    {
        var run = RunFixtures.Run("costly", RunFixtures.Start) with { Costs = new Dashboard.Core.Metrics.CostMatrix(5, 1) };

        Assert.True(await _store.SaveAsync(run, CancellationToken.None));

        Assert.Equal(new Dashboard.Core.Metrics.CostMatrix(5, 1), (await _store.GetAsync("costly", CancellationToken.None))!.Costs);
        Assert.Equal(new Dashboard.Core.Metrics.CostMatrix(5, 1), (await _store.GetReplayAsync("costly", CancellationToken.None))!.Costs);
        _db.Scalar("UPDATE Runs SET CostsJson = NULL WHERE Id = 'costly';"); // a row stored before runs kept their costs
        Assert.Same(Dashboard.Core.Metrics.CostMatrix.Equal, (await _store.GetAsync("costly", CancellationToken.None))!.Costs);
    }
}
