using Dashboard.Core.Rooms;
using Dashboard.Storage;
using Dashboard.Tests.Export;

namespace Dashboard.Tests.Storage;

/// <summary>The same storage on a real PostgreSQL server (the provider switch): schema from its own migrations, exact round trips, one run once.</summary>
public class PostgresStorageTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task Migrate_CreatesTheSchemaFromThePostgresMigrations()
    {
        Assert.Equal(StorageProvider.PostgreSql, postgres.Database.Provider);
        Assert.Equal(3L, await postgres.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\";"));
        Assert.Equal(4L, await postgres.ScalarAsync(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Runs','RunResults','Datasets','Rooms');"));

        await postgres.Database.MigrateAsync(CancellationToken.None);
        Assert.Equal(3L, await postgres.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\";"));
    }

    [PostgresFact]
    public async Task SaveAsync_ThenGetAsync_EveryValueRoundTrips()
    {
        var store = new RunStore(postgres.Database);
        var run = RunFixtures.Run("pg-roundtrip", RunFixtures.Start.AddTicks(10)); // PostgreSQL keeps microseconds

        Assert.True(await store.SaveAsync(run, CancellationToken.None));
        Assert.False(await store.SaveAsync(run, CancellationToken.None));
        var stored = await store.GetAsync(run.RunId, CancellationToken.None);
        var replay = await store.GetReplayAsync(run.RunId, CancellationToken.None);

        StorageAssert.SameRun(run, stored!);
        Assert.Equal(run.Sliders, replay!.Sliders);
        Assert.Equal(4L, await postgres.ScalarAsync("SELECT COUNT(*) FROM \"RunResults\" WHERE \"RunId\" = 'pg-roundtrip';"));
    }

    [PostgresFact]
    public async Task TwoServersSavingTheSameRuns_EachStoredOnce()
    {
        // Two stores are two servers: each has its own writer lock, only the database arbitrates.
        var first = new RunStore(PostgresDatabaseFixture.Create(postgres.ConnectionString));
        var second = new RunStore(PostgresDatabaseFixture.Create(postgres.ConnectionString));
        var runs = Enumerable.Range(0, 12).Select(i => RunFixtures.Run($"pg-twice-{i:00}", RunFixtures.Start.AddSeconds(i), room: "PGT-2WS")).ToList();

        var saved = await Task.WhenAll(runs.SelectMany(r => new[] { first, second }.Select(store => Task.Run(() => store.SaveAsync(r, CancellationToken.None)))));

        Assert.Equal(12, saved.Count(s => s));
        Assert.Equal(12L, await postgres.ScalarAsync("SELECT COUNT(*) FROM \"Runs\" WHERE \"RoomCode\" = 'PGT-2WS';"));
        Assert.Equal(48L, await postgres.ScalarAsync("SELECT COUNT(*) FROM \"RunResults\" WHERE \"RunId\" LIKE 'pg-twice-%';"));
        var listed = await first.ListAsync(new RunFilter(RoomCode: "PGT-2WS", AlgorithmId: "svm"), CancellationToken.None);
        Assert.Equal(runs.Select(r => r.RunId).Reverse(), listed.Select(r => r.RunId));
    }

    [PostgresFact]
    public async Task RoomStore_NewestVersionWins()
    {
        var rooms = new RoomStore(postgres.Database);
        var state = new RoomState("PGR-7KM", new DatasetChoice("titanic"), RunFixtures.Sliders(0.3), RoomDefaults.Algorithms(), Version: 7);

        await rooms.SaveAsync(state, CancellationToken.None);
        await rooms.SaveAsync(state with { Version = 6, Leaky = true }, CancellationToken.None);
        var loaded = await rooms.LoadAsync("PGR-7KM", CancellationToken.None);

        Assert.Equal((7, false, 0.3), (loaded!.Version, loaded.Leaky, loaded.Sliders[0].TargetShare));
    }

    [PostgresFact]
    public async Task App_WithPostgresProvider_StoresItsRunsThere()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-pg-app-").FullName;
        try
        {
            string room, baseline;
            await using (var app = await AppProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSql",
                ["Storage__ConnectionString"] = postgres.ConnectionString,
            }))
            await using (var hub = await HubDriver.ConnectAsync(app.BaseUrl))
            {
                room = await hub.CreateRoomAsync();
                baseline = await hub.CompletedRunAsync(room, "baseline");
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while ((long)(await postgres.ScalarAsync($"SELECT COUNT(*) FROM \"Runs\" WHERE \"Id\" = '{baseline}';"))! == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
                await app.StopAsync();
            }

            Assert.Equal(room, await postgres.ScalarAsync($"SELECT \"RoomCode\" FROM \"Runs\" WHERE \"Id\" = '{baseline}';"));
            Assert.Equal(4L, await postgres.ScalarAsync($"SELECT COUNT(*) FROM \"RunResults\" WHERE \"RunId\" = '{baseline}';"));
            Assert.Equal(1L, await postgres.ScalarAsync($"SELECT COUNT(*) FROM \"Rooms\" WHERE \"Code\" = '{room}';"));
            Assert.False(File.Exists(Path.Combine(folder, "dashboard.db")), "no SQLite file when PostgreSQL is configured");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
