namespace Dashboard.Cluster;

/// <summary>
/// What the cluster keeps of a room: its shared settings (data set, sliders, seats with holders and thresholds,
/// members, modes, costs) as the same JSON the run storage keeps, so one reader migrates both.
/// </summary>
[GenerateSerializer]
public sealed class RoomGrainState
{
    [Id(0)]
    public string? StateJson { get; set; }

    [Id(1)]
    public int Version { get; set; }
}
