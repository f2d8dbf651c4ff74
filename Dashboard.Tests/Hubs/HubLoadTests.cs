using Dashboard.Cli;
using Dashboard.Rooms;
using Dashboard.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.Hubs;

/// <summary>The bounded load test of issue 6: loopback only, 20 clients in 4 rooms for 60 seconds.</summary>
public class HubLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_TwentyClientsFourRooms_EveryResultDeliveredToItsRoomOnly()
    {
        await using var server = new DashboardServer();

        var report = await HubLoad.RunAsync(
            new HubLoadOptions(server.BaseUrl, Clients: 20, Rooms: 4, Duration: TimeSpan.FromSeconds(60), CommandInterval: TimeSpan.FromSeconds(6)),
            server.Services.GetRequiredService<RoomNotifier>(), CancellationToken.None, server.Services.GetRequiredService<RoomRegistry>().Slots);

        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report));
        Assert.Equal(0, report.FailedConnections);
        Assert.Equal(0, report.CommandsRefused);
        Assert.True(report.ResultsPublished >= 4 * 4, $"published {report.ResultsPublished}");
        Assert.Equal(0, report.ResultsMissed);
        Assert.Equal(0, report.ResultsFromOtherRooms);
        Assert.Equal(report.ResultsPublished * 5, report.ResultsReceived); // every result reached the room's five clients
        // Random positions to the thousandth are mostly new: moves that fitted something are measured apart from the rest.
        Assert.InRange(report.TrainedMovesMeasured, 1, report.MovesMeasured);
        Assert.True(report.P95TrainedMoveMilliseconds > 0);
        // Each move is known by its client and number (to pair two runs' moves), and each trained move's fits took slots.
        Assert.Equal(report.MovesMeasured, report.Moves.Count);
        Assert.Equal(report.MovesMeasured, report.Moves.Select(m => (m.Client, m.Number)).Distinct().Count());
        Assert.Equal(report.TrainedMovesMeasured, report.Moves.Count(m => m.Trained));
        Assert.True(report.SlotWaits!.RealFits >= report.TrainedMovesMeasured, $"{report.SlotWaits.RealFits} fits served a slot");
    }
}
