using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Storage;

/// <summary>The server stopped and started again on the same data folder: a hub client reopens a stored room by its code, as the page does.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("dashboard-restart-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    [Fact]
    public async Task JoinRoom_StoredRoomAfterRestart_ReopenedWithItsSlidersSeatSettingsAndThresholds()
    {
        string code;
        await using (var app = await AppProcess.StartAsync(_dataFolder))
        {
            await using var hub = await HubDriver.ConnectAsync(app.BaseUrl);
            code = await hub.CreateRoomAsync();
            await hub.CompletedRunAsync(code, "baseline");
            await using var client = await HubClients.ConnectAsync(app.BaseUrl);
            Assert.Null((await client.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ana", null)).Error);
            Assert.Null(await client.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), code, RoomDefaults.ClassSliderId, 0.45));
            await hub.CompletedRunAsync(code, "moved class balance to 0.45");
            Assert.Null(await client.InvokeAsync<string?>(nameof(TrainingHub.SetAlgorithm), code, "lightgbm", new { leaves = 15 }, new { mode = "Balanced" }));
            await hub.CompletedRunAsync(code, "changed LightGBM's settings");
            Assert.Null(await client.InvokeAsync<string?>(nameof(TrainingHub.SetThreshold), code, "svm", 0.35));
            await app.StopAsync(); // a clean stop: the room's latest state is written
        }

        await using var again = await AppProcess.StartAsync(_dataFolder);
        await using var returning = await HubClients.ConnectAsync(again.BaseUrl);
        var entry = await returning.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ana", null);

        Assert.Null(entry.Error);
        var state = entry.View!.State;
        Assert.Equal(code, state.Code);
        Assert.Equal(0.45, state.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.Equal(15, state.Seat("lightgbm").Hyperparameters.Values["leaves"]);
        Assert.Equal(global::Dashboard.Core.Training.ClassWeightMode.Balanced, state.Seat("lightgbm").ClassWeight.Mode);
        Assert.Equal(0.35, state.Seat("svm").Threshold);
    }
}
