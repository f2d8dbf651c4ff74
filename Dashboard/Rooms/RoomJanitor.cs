using Dashboard.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>Every 30 seconds: lets members away too long go, frees seats whose holders went quiet, and closes rooms that have stayed empty.</summary>
public sealed class RoomJanitor(RoomRegistry rooms, IOptions<DashboardOptions> options, ILogger<RoomJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(DateTimeOffset.UtcNow);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Room sweep failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping (or never finished starting): nothing to sweep.
        }
    }

    public async Task SweepAsync(DateTimeOffset now)
    {
        var settings = options.Value;
        foreach (var room in rooms.Open)
        {
            await room.ExecuteAsync(new ExpireAwayMembers(TimeSpan.FromMinutes(settings.HostGraceMinutes)));
            await room.ExecuteAsync(new ReleaseIdleSeats(TimeSpan.FromMinutes(settings.SeatIdleMinutes)));
            if (room.View.EmptySince is { } since && now - since > TimeSpan.FromMinutes(settings.RoomIdleMinutes))
            {
                logger.LogInformation("Closing room {Room}: empty since {Since}", room.Code, since);
                await rooms.CloseAsync(room.Code);
            }
        }
    }
}
