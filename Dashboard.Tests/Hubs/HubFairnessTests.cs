using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>The sensitive column is the page's and the hub's alike: marked by one client, seen by every member.</summary>
public class HubFairnessTests
{
    /// <summary>Ana's new room with Ben in it, once its data set has loaded (a column is checked against it).</summary>
    private static async Task<(HubConnection Ana, HubConnection Ben, string Code)> RoomOfTwoAsync(DashboardServer server)
    {
        var ana = await HubClients.ConnectAsync(server.BaseUrl);
        var code = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", "ana-key-0123456789ab")).Code!;
        var ben = await HubClients.ConnectAsync(server.BaseUrl);
        Assert.Null((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", "ben-key-0123456789ab")).Error);
        for (var i = 0; i < 600 && (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!.Columns.Count == 0; i++) await Task.Delay(100);
        return (ana, ben, code);
    }

    [Fact]
    public async Task SetSensitiveColumn_OverTheHub_EveryMemberSeesIt_BadColumnGetsTheSentence()
    {
        await using var server = new DashboardServer();
        var (ana, ben, code) = await RoomOfTwoAsync(server);
        await using var _ = ana;
        await using var __ = ben;

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

    [Fact]
    public async Task SetProxiesLeftOut_OverTheHub_TheDataSetLoadsWithoutGender_EveryMemberSeesIt_AndBack()
    {
        await using var server = new DashboardServer();
        var (ana, ben, code) = await RoomOfTwoAsync(server);
        await using var _ = ana;
        await using var __ = ben;

        Assert.Equal("Mark a sensitive column first: its possible proxies are what would be left out.",
            await ben.InvokeAsync<string?>(nameof(TrainingHub.SetProxiesLeftOut), code, true));
        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.SetSensitiveColumn), code, "gender"));
        // Answered once the data set has loaded again without gender (its load is awaited before the next command).
        Assert.Null(await ben.InvokeAsync<string?>(nameof(TrainingHub.SetProxiesLeftOut), code, true));

        var view = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        Assert.Equal(["gender"], view.State.ProxiesLeftOut!.Columns);
        Assert.Contains("gender", view.State.Dataset.ExcludedColumns!);
        Assert.Contains(view.Activity, a => a.Who == "Ben" && a.What == "left gender out of the features (fairness: gender and its possible proxies) and retrained");
        Assert.DoesNotContain(view.Profile!.Columns, c => c.Name == "gender" && !c.IsExcluded);

        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.SetProxiesLeftOut), code, false));
        var back = (await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        Assert.Null(back.State.ProxiesLeftOut);
        Assert.Null(back.State.Dataset.ExcludedColumns);
        Assert.Equal("gender", back.State.SensitiveColumn);
    }
}
