using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Rooms;
using Dashboard.Storage;

namespace Dashboard.Tests.Storage;

/// <summary>The running app's storage from outside: concurrent rooms, hostile uploads, export downloads.</summary>
public partial class ServerStorageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly byte[] BinaryFile = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0xFF, 0xFE];

    [GeneratedRegex("^[0-9a-f]{64}\\.(csv|json)$")]
    private static partial Regex StoredName();

    [Fact]
    public async Task TwoRoomsRunningConcurrently_EveryFinishedRunStoredOnce_CancelledOnesAbsent()
    {
        await using var hub = await HubDriver.ConnectAsync(server.App.BaseUrl);
        var rooms = new[] { await hub.CreateRoomAsync(), await hub.CreateRoomAsync() };

        async Task DriveAsync(string room)
        {
            await hub.CompletedRunAsync(room, "baseline");
            // A quick double move: the first run is cancelled by the second (latest wins) and must leave nothing.
            _ = hub.MoveClassSliderAsync(room, 0.41);
            Assert.Null(await hub.MoveClassSliderAsync(room, 0.42));
            await hub.CompletedRunAsync(room, "moved class balance to 0.42");
            foreach (var share in new[] { 0.5, 0.6, 0.3 })
            {
                Assert.Null(await hub.MoveClassSliderAsync(room, share));
                await hub.CompletedRunAsync(room, $"moved class balance to {share.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        await Task.WhenAll(rooms.Select(r => Task.Run(() => DriveAsync(r))));

        // Both rooms opened titanic with the default seats: one baseline, stored once, linked to both.
        var baselines = rooms.Select(r => hub.CompletedRuns(r)[0]).Distinct().ToArray();
        var baseline = Assert.Single(baselines);
        Assert.Equal(1L, StorageAssert.Scalar(server.Database, $"SELECT COUNT(*) FROM Runs WHERE Id = '{baseline}';"));
        foreach (var room in rooms)
        {
            var finished = hub.CompletedRuns(room);
            var stored = await StoredRunsAsync(room, finished.Count - 1);
            Assert.Equal(finished.Where(id => id != baseline).Order(), stored.Where(id => id != baseline));
            Assert.Equal(stored.Count, stored.Distinct().Count());
            foreach (var id in finished)
            {
                Assert.Equal((long)hub.AlgorithmResults(room, id), StorageAssert.Scalar(server.Database, $"SELECT COUNT(*) FROM RunResults WHERE RunId = '{id}';"));
            }
            var cancelled = hub.Events.OfType<RunCancelled>().Where(e => e.RoomCode == room).Select(e => e.RunId).ToList();
            Assert.All(cancelled, id => Assert.DoesNotContain(id, stored));
        }
        Assert.Equal("ok", StorageAssert.Scalar(server.Database, "PRAGMA integrity_check;"));
    }

    /// <summary>The room's stored run ids once <paramref name="expected"/> are there (the write follows RunCompleted by milliseconds).</summary>
    private async Task<IReadOnlyList<string>> StoredRunsAsync(string room, int expected)
    {
        var sql = $"SELECT Id FROM Runs WHERE RoomCode = '{room}' ORDER BY Id;";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (StorageAssert.Column(server.Database, sql).Count < expected && DateTime.UtcNow < deadline) await Task.Delay(50);
        return StorageAssert.Column(server.Database, sql);
    }

    public static TheoryData<string, string> HostileNames => new()
    {
        { "../../etc/passwd.csv", "passwd.csv" },
        { "..\\..\\windows\\win.ini.csv", "win.ini.csv" },
        { "/absolute/path/data.csv", "data.csv" },
        { "a/b/../c.csv", "c.csv" },
        { "..", "upload.csv" },
        { "line\nbreak\t.csv", "linebreak.csv" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Upload_NameWithPathParts_StoredUnderHashOnly_NameKeptForDisplay(string name, string shown)
    {
        // Different content per case (the expected name's length), so each case stores a file of its own.
        var content = Encoding.UTF8.GetBytes($"x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,{shown.Length * 1000 + name.Length},b\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));

        var answer = await PostAsync(name, content);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("upload:" + hash, body.GetProperty("source").GetString());
        Assert.Equal(shown, body.GetProperty("name").GetString());
        Assert.True(File.Exists(Path.Combine(server.DataFolder, "uploads", hash + ".csv")));
        Assert.Equal(shown, StorageAssert.Scalar(server.Database, $"SELECT DisplayName FROM Datasets WHERE Id = '{hash}';"));
        AssertOnlyHashNamedFiles();
    }

    [Fact]
    public async Task Upload_ZeroBytes_RefusedWithMessage()
    {
        var answer = await PostAsync("empty.csv", []);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("'empty.csv' is empty (0 bytes). Choose a CSV file with a header row and data rows.", await ErrorAsync(answer));
        AssertOnlyHashNamedFiles();
    }

    [Fact]
    public async Task Upload_OverTheLimit_RefusedWithMessage()
    {
        var big = Encoding.UTF8.GetBytes("x,label\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"{i},{(i % 2 == 0 ? "a" : "b")}\n")));
        Assert.True(big.Length > ServerFixture.UploadLimit);

        var answer = await PostAsync("big.csv", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("'big.csv' is over the upload limit of 1 MB. Use a smaller file, or a sample of its rows.", await ErrorAsync(answer));
        Assert.Equal(0L, StorageAssert.Scalar(server.Database, $"SELECT COUNT(*) FROM Datasets WHERE Id = '{Convert.ToHexStringLower(SHA256.HashData(big))}';"));
        AssertOnlyHashNamedFiles();
    }

    [Fact]
    public async Task Upload_NotText_RefusedWithMessageNamingTheFile()
    {
        var answer = await PostAsync("photo.png.csv", BinaryFile);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await ErrorAsync(answer);
        Assert.Contains("photo.png.csv", error);
        Assert.Contains("text", error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(server.DataFolder, "uploads", Convert.ToHexStringLower(SHA256.HashData(BinaryFile)) + ".csv")));
        AssertOnlyHashNamedFiles();
    }

    [Fact]
    public async Task Export_UnknownRunsOrNoSelection_ClearErrors()
    {
        using var http = new HttpClient();

        var none = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.CsvPath}");
        var unknown = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.JsonPath}?ids=nope");
        var badMetric = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.ReportPath}?ids=nope&metric=Bogus");

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("Say which runs to export: ?ids=RUN1,RUN2 or ?room=ROOMCODE.", await ErrorAsync(none));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMetric.StatusCode);
        Assert.StartsWith("'Bogus' is not a metric.", await ErrorAsync(badMetric));
    }

    [Fact]
    public async Task SameBaselineInTwoRooms_StoredOnce_EachRoomsExportHasIt()
    {
        await using var hub = await HubDriver.ConnectAsync(server.App.BaseUrl);
        var first = await hub.CreateRoomAsync();
        var baseline = await hub.CompletedRunAsync(first, "baseline");
        var second = await hub.CreateRoomAsync();
        Assert.Equal(baseline, await hub.CompletedRunAsync(second, "baseline"));
        await StoredRunsAsync(first, 1);
        using var http = new HttpClient();

        foreach (var room in new[] { first, second })
        {
            var csv = await http.GetStringAsync($"{server.App.BaseUrl}{ExportEndpoints.CsvPath}?room={room}");
            Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Count(line => line.Contains(baseline)));
        }
        Assert.Equal(1L, StorageAssert.Scalar(server.Database, $"SELECT COUNT(*) FROM Runs WHERE Id = '{baseline}';"));
    }

    [Fact]
    public async Task Export_ARoomsRuns_CsvJsonAndReportDownloads()
    {
        await using var hub = await HubDriver.ConnectAsync(server.App.BaseUrl);
        var room = await hub.CreateRoomAsync();
        var baseline = await hub.CompletedRunAsync(room, "baseline");
        await StoredRunsAsync(room, 1);
        using var http = new HttpClient();

        var csv = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.CsvPath}?room={room}");
        var json = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.JsonPath}?{ExportEndpoints.Query([baseline])}");
        var report = await http.GetAsync($"{server.App.BaseUrl}{ExportEndpoints.ReportPath}?{ExportEndpoints.Query([baseline])}&metric=recall");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"room-{room}-runs.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(5, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var rows = (await json.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(baseline, r.GetProperty("run_id").GetString()));
        Assert.All(rows, r => Assert.Equal(552, r.GetProperty("test_rows").GetInt32()));
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:", report.Headers.GetValues("Content-Security-Policy").Single());
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("<h2 id=\"best\">Best by Recall (sensitivity)</h2>", html);
        Assert.Contains("Titanic passengers and crew", html);
    }

    private async Task<HttpResponseMessage> PostAsync(string name, byte[] content)
    {
        using var http = new HttpClient();
        return await http.PostAsync($"{server.App.BaseUrl}{UploadEndpoint.Path}?name={Uri.EscapeDataString(name)}", new ByteArrayContent(content));
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage answer) =>
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();

    /// <summary>Nothing but hash-named files in the uploads folder, and nothing but the database and that folder in the data folder.</summary>
    private void AssertOnlyHashNamedFiles()
    {
        var uploads = Path.Combine(server.DataFolder, "uploads");
        if (Directory.Exists(uploads))
        {
            Assert.All(Directory.GetFileSystemEntries(uploads), f => Assert.Matches(StoredName(), Path.GetFileName(f)));
        }
        Assert.All(Directory.GetFileSystemEntries(server.DataFolder),
            f => Assert.Contains(Path.GetFileName(f), new[] { "uploads", "dashboard.db", "dashboard.db-wal", "dashboard.db-shm" }));
    }
}
