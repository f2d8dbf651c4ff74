namespace Dashboard.Cluster;

/// <summary>
/// What the cluster keeps of a room: its shared settings (data set, sliders, seats with holders and thresholds,
/// members, modes, costs) as the same JSON the run storage keeps, so one reader migrates both; and its log
/// (history points, run numbers, activity) as JSON, so a room that moves keeps its runs table and feed.
/// </summary>
[GenerateSerializer]
public sealed class RoomGrainState
{
    [Id(0)]
    public string? StateJson { get; set; }

    [Id(1)]
    public int Version { get; set; }

    [Id(2)]
    public string? LogJson { get; set; }

    /// <summary>History points saved (with <see cref="Version"/>, what tells the saver something changed).</summary>
    [Id(3)]
    public int HistoryPoints { get; set; }
}
