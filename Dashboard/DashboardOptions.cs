using System.ComponentModel.DataAnnotations;

namespace Dashboard;

/// <summary>The app's own settings (appsettings.json section "Dashboard").</summary>
public sealed class DashboardOptions
{
    /// <summary>The data set a new room opens with (a bundled name).</summary>
    [Required]
    public string DefaultDataset { get; set; } = Core.Data.BundledDatasets.DefaultName;

    public int SplitSeed { get; set; } = 42;

    [Range(0.05, 0.95)]
    public double TestShare { get; set; } = 0.25;

    /// <summary>Where uploads (and later the database) are kept.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Minutes a room stays open with no members before it is closed.</summary>
    [Range(0.05, 1440)]
    public double RoomIdleMinutes { get; set; } = 10;

    /// <summary>Minutes a member whose last tab or connection left keeps their role (host) and seat, e.g. while looking at History.</summary>
    [Range(0.05, 1440)]
    public double HostGraceMinutes { get; set; } = 5;

    /// <summary>Minutes a seat holder may stay silent before the seat is freed for someone else.</summary>
    [Range(0.05, 1440)]
    public double SeatIdleMinutes { get; set; } = 15;

    /// <summary>How many algorithm fits may run at once on this server, across all rooms (0: one per core).</summary>
    [Range(0, 256)]
    public int TrainingSlots { get; set; }

    /// <summary>How many finished results the server keeps for slider positions visited again (least recently used dropped).</summary>
    [Range(1, 1_000_000)]
    public int ResultCacheEntries { get; set; } = Core.Rooms.ResultCache.DefaultResults;

    /// <summary>How many resampled training sets the server keeps (each holds a run's featurized rows: the memory-heavy part).</summary>
    [Range(1, 10_000)]
    public int PreparedRunCacheEntries { get; set; } = Core.Rooms.ResultCache.DefaultPreparedRuns;

    /// <summary>Train the default data set's baseline at start-up, so the first visitor's cards answer at once.</summary>
    public bool WarmStart { get; set; } = true;

    /// <summary>Seconds a room must be idle before the server trains the positions likely to be tried next (0: never).</summary>
    [Range(0, 3600)]
    public double SpeculationIdleSeconds { get; set; } = 5;
}
