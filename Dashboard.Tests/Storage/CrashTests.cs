using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Rooms;
using Dashboard.Storage;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Storage;

/// <summary>
/// The server killed with SIGKILL in the middle of a run and in the middle of an upload, then started
/// again on the same data folder: finished work is all there, the database is intact, interrupted
/// work is simply absent.
/// </summary>
public class CrashTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("dashboard-crash-").FullName;

    private string Database => Path.Combine(_dataFolder, "dashboard.db");

    private string Uploads => Path.Combine(_dataFolder, "uploads");

    [Fact]
    public async Task KillDuringRun_Restart_FinishedRunsKeptInterruptedRunAbsent()
    {
        string room, interrupted;
        IReadOnlyList<string> finished;
        var results = new Dictionary<string, int>();
        await using (var app = await AppProcess.StartAsync(_dataFolder))
        await using (var hub = await HubDriver.ConnectAsync(app.BaseUrl))
        {
            room = await hub.CreateRoomAsync();
            await hub.CompletedRunAsync(room, "baseline");
            foreach (var share in new[] { 0.45, 0.55 })
            {
                Assert.Null(await hub.MoveClassSliderAsync(room, share));
                await hub.CompletedRunAsync(room, $"moved class balance to {share.ToString(CultureInfo.InvariantCulture)}");
            }

            Assert.Null(await hub.MoveClassSliderAsync(room, 0.65));
            // Killed as soon as the run has started: its four fits are still training (on titanic they all finish within
            // milliseconds of each other, so waiting for the first result let the run end before the kill now and then).
            var started = await hub.WaitForAsync<RunStarted>(e => e.Reason == "moved class balance to 0.65");
            app.Kill();
            interrupted = started.RunId;
            finished = hub.CompletedRuns(room);
            foreach (var id in finished) results[id] = hub.AlgorithmResults(room, id);
            Assert.DoesNotContain(interrupted, finished); // the kill really came before the run finished
        }
        Assert.Equal(3, finished.Count);

        // The file as the crash left it (the write-ahead log is replayed on open).
        Assert.Equal("ok", StorageAssert.Scalar(Database, "PRAGMA integrity_check;"));
        Assert.Equal(finished.Order(), StorageAssert.Column(Database, $"SELECT Id FROM Runs WHERE RoomCode = '{room}' ORDER BY Id;"));
        Assert.Equal(0L, StorageAssert.Scalar(Database, $"SELECT COUNT(*) FROM RunResults WHERE RunId = '{interrupted}';"));
        foreach (var (id, count) in results)
        {
            Assert.Equal((long)count, StorageAssert.Scalar(Database, $"SELECT COUNT(*) FROM RunResults WHERE RunId = '{id}';"));
        }
        var roomJson = (string)StorageAssert.Scalar(Database, $"SELECT StateJson FROM Rooms WHERE Code = '{room}';")!;
        var state = StorageJson.Read<RoomState>(roomJson);
        Assert.Contains(state.Slider(RoomDefaults.ClassSliderId).Balance, new double?[] { 0.55, 0.65 });
        SqliteConnection.ClearAllPools();

        // Restarted on the same folder: it starts, and serves exactly the finished runs.
        await using (var again = await AppProcess.StartAsync(_dataFolder))
        using (var http = new HttpClient())
        {
            var csv = await http.GetStringAsync($"{again.BaseUrl}{ExportEndpoints.CsvPath}?room={room}");
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + results.Values.Sum(), lines.Length);
            Assert.Equal(finished.ToHashSet(), lines.Skip(1).Select(l => l[..l.IndexOf(',')]).ToHashSet());
            await again.StopAsync();
        }
        Assert.Equal("ok", StorageAssert.Scalar(Database, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task KillDuringUpload_Restart_NoHalfFileNoRecord_EarlierUploadKept()
    {
        var good = "age,fare,survived\n22,7.25,no\n38,71.3,yes\n26,7.9,yes\n35,53.1,yes\n35,8.05,no\n54,51.9,no\n"u8.ToArray();
        var goodHash = Convert.ToHexStringLower(SHA256.HashData(good));
        await using (var app = await AppProcess.StartAsync(_dataFolder))
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
        {
            var ok = await http.PostAsync($"{app.BaseUrl}{UploadEndpoint.Path}?name=passengers.csv", new ByteArrayContent(good));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

            // A large upload, sent slowly; the server dies while it is arriving.
            var slow = new SlowCsvContent(rows: 400_000);
            var upload = http.PostAsync($"{app.BaseUrl}{UploadEndpoint.Path}?name=big.csv", slow);
            await slow.HalfSent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            app.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }
        // And as if the server had died between writing a file and renaming it to its hash.
        var halfHash = new string('a', 64);
        await File.WriteAllTextAsync(Path.Combine(Uploads, halfHash + ".csv.partial"), "age,fare,surv");

        await using (var again = await AppProcess.StartAsync(_dataFolder))
        {
            await again.StopAsync();
        }

        Assert.Equal([goodHash + ".csv", goodHash + ".json"], Directory.GetFiles(Uploads).Select(Path.GetFileName).Order());
        Assert.Equal(goodHash, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Uploads, goodHash + ".csv")))));
        Assert.Equal("ok", StorageAssert.Scalar(Database, "PRAGMA integrity_check;"));
        Assert.Equal([goodHash], StorageAssert.Column(Database, "SELECT Id FROM Datasets;"));
        Assert.Equal("passengers.csv", StorageAssert.Scalar(Database, "SELECT DisplayName FROM Datasets;"));
        Assert.Equal(6L, StorageAssert.Scalar(Database, "SELECT Rows FROM Datasets;"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>A valid CSV body written in small pieces with pauses; says when half of it is out.</summary>
    private sealed class SlowCsvContent(int rows) : HttpContent
    {
        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("age,fare,survived\n"u8.ToArray());
            var chunk = new StringBuilder();
            for (var row = 0; row < rows; row++)
            {
                chunk.Append(CultureInfo.InvariantCulture, $"{20 + row % 50},{row % 97}.5,{(row % 3 == 0 ? "yes" : "no")}\n");
                if (chunk.Length < 32_768) continue;
                await stream.WriteAsync(Encoding.UTF8.GetBytes(chunk.ToString()));
                await stream.FlushAsync();
                chunk.Clear();
                if (row >= rows / 2) HalfSent.TrySetResult();
                await Task.Delay(5);
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(chunk.ToString()));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
