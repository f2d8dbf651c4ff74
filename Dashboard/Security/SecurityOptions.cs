using System.ComponentModel.DataAnnotations;

namespace Dashboard.Security;

/// <summary>
/// Limits per client address and per room (appsettings.json section "Security"); see docs/security.md.
/// Behind a reverse proxy every client has the proxy's address: configure forwarded headers first.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>Wrong room codes one address may try within <see cref="WrongRoomCodeWindowMinutes"/> before it must wait.</summary>
    [Range(1, 10_000)]
    public int WrongRoomCodesPerAddress { get; set; } = 10;

    [Range(0.1, 1440)]
    public double WrongRoomCodeWindowMinutes { get; set; } = 10;

    /// <summary>The first wait after too many wrong codes; each further lock-out doubles it, up to an hour.</summary>
    [Range(1, 3600)]
    public double WrongRoomCodeBackoffSeconds { get; set; } = 30;

    /// <summary>New rooms one address may open per minute (a page visit to "/" opens one, as does the hub's CreateRoom).</summary>
    [Range(1, 10_000)]
    public int RoomsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Uploads one address may send at the same time.</summary>
    [Range(1, 100)]
    public int ConcurrentUploadsPerAddress { get; set; } = 2;

    /// <summary>Upload bytes one address may send per hour, in megabytes.</summary>
    [Range(1, 1_000_000)]
    public double UploadMegabytesPerAddressPerHour { get; set; } = 500;

    /// <summary>Commands that may wait in one room's queue; more are refused until the room catches up.</summary>
    [Range(1, 10_000)]
    public int QueuedCommandsPerRoom { get; set; } = 64;

    /// <summary>Best-threshold searches (each trains a model) one room may run at the same time.</summary>
    [Range(1, 64)]
    public int ThresholdSearchesPerRoom { get; set; } = 2;

    /// <summary>Row explanations one room may compute at the same time (choosing a row explains it for every card, up to 8).</summary>
    [Range(1, 64)]
    public int ExplanationsPerRoom { get; set; } = 16;
}
