using System.Net;
using System.Text;

namespace Dashboard.Tests.Storage;

/// <summary>A full or read-only data folder, for real (a small tmpfs): one clear sentence, nothing half-written, the server stays up.</summary>
public class StorageFaultTests
{
    [Fact]
    public async Task Start_ReadOnlyDataFolder_OneLineSaysWhatToDo_NoStackTrace()
    {
        using var disk = SmallDisk.Mount(megabytes: 4);
        disk.MakeReadOnly();

        var (exitCode, output) = await AppProcess.RunToExitAsync(disk.Folder, TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: The server cannot start: its data folder '{disk.Folder}' is not writable. Give the server's user write access to it, " +
                        "or set Dashboard:DataFolder to a writable folder.", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public async Task Upload_DiskFull_507WithASentence_NoPartialFileLeft_ServerStaysUp()
    {
        using var disk = SmallDisk.Mount(megabytes: 16);
        await using var app = await AppProcess.StartAsync(disk.Folder);
        disk.Fill(leaveBytes: 128 * 1024);
        var csv = new StringBuilder("a,b,target\n");
        for (var i = 0; i < 40_000; i++) csv.Append(i).Append(',').Append(i % 7).Append(',').Append(i % 3 == 0 ? "yes" : "no").Append('\n');
        using var http = new HttpClient();

        var answer = await http.PostAsync(app.BaseUrl + "/api/uploads?name=big.csv", new StringContent(csv.ToString()));

        Assert.Equal(HttpStatusCode.InsufficientStorage, answer.StatusCode);
        Assert.Contains("'big.csv' was not stored: the server's disk is full. Tell whoever runs the server; nothing stored before was lost.",
            await answer.Content.ReadAsStringAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(disk.Folder, "uploads"), "*.partial"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(app.BaseUrl + "/healthz")).StatusCode);
    }

    [Fact]
    public async Task Run_CompletesWhileTheDiskIsFull_PushedWithAStorageWarning()
    {
        using var disk = SmallDisk.Mount(megabytes: 16);
        await using var app = await AppProcess.StartAsync(disk.Folder);
        disk.Fill();
        await using var hub = await HubDriver.ConnectAsync(app.BaseUrl);

        var room = await hub.CreateRoomAsync();
        var runId = await hub.CompletedRunAsync(room, "baseline");
        var warning = await hub.WaitForAsync<Dashboard.Core.Rooms.RunNotStored>(e => e.RunId == runId, timeoutSeconds: 60);

        Assert.Equal(4, hub.AlgorithmResults(room, runId)); // the class still saw every result
        Assert.Equal("This run's results were not stored: the server's disk is full. Tell whoever runs the server; nothing stored before was lost.", warning.Warning);
        Assert.Contains($"Could not store run {runId}", app.Log);
        Assert.DoesNotContain("   at ", app.Log);
    }
}
