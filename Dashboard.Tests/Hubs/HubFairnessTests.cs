using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>The sensitive column is the page's and the hub's alike: marked by one client, seen by every member.</summary>
public class HubFairnessTests
{
    [Fact]
    public async Task SetSensitiveColumn_OverTheHub_EveryMemberSeesIt_BadColumnGetsTheSentence()
    {
        await using var server = new DashboardServer();
        await using var ana = await HubClients.ConnectAsync(server.BaseUrl);
        var code = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", "ana-key-0123456789ab")).Code!;
        await using var ben = await HubClients.ConnectAsync(server.BaseUrl);
        Assert.Null((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", "ben-key-0123456789ab")).Error);
        // The data set must have loaded before a column can be checked against it.
        for (var i = 0; i < 600 && (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!.Columns.Count == 0; i++) await Task.Delay(100);

        var marked = await ben.InvokeAsync<string?>(nameof(TrainingHub.SetSensitiveColumn), code, "gender");
        var name = await ana.InvokeAsync<string?>(nameof(TrainingHub.SetSensitiveColumn), code, "name");

        Assert.Null(marked);
        Assert.Equal("'name' has a different value in nearly every row, so each group would be one person. " +
                     "Pick a column with a few groups (e.g. gender, an ethnicity, an age band).", name);
        var view = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        Assert.Equal("gender", view.State.SensitiveColumn);
        Assert.Contains(view.Activity, a => a.Who == "Ben" && a.What == "marked gender as the sensitive column (fairness by group)");

        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.SetSensitiveColumn), code, null));
        Assert.Null((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!.State.SensitiveColumn);
    }
}
