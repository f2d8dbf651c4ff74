namespace Dashboard.Core.Rooms;

/// <summary>Work the reducer asks of the room's runner: the only things that are not pure.</summary>
public abstract record RoomEffect;

/// <summary>Load (or take from the cache) a data set; the runner answers with <see cref="DatasetReady"/>, or refuses the command.</summary>
public sealed record LoadDataset(string MemberId, DatasetChoice Dataset) : RoomEffect
{
    /// <summary>Set when the load leaves proxies out or puts them back (<see cref="SetProxiesLeftOut"/>): handed on in <see cref="DatasetReady"/>.</summary>
    public ProxyToggle? Proxies { get; init; }
}

/// <summary>A load that leaves the proxies out (<paramref name="Exclusion"/>) or puts them back (null), with its line for the activity feed.</summary>
public sealed record ProxyToggle(ProxyExclusion? Exclusion, string Description);

/// <summary>Start a run in the background; it reports with <see cref="RunReport"/>s. <paramref name="At"/> is the room when it started.</summary>
public sealed record StartRun(RunPlan Plan, RoomView At) : RoomEffect;

/// <summary>Cancel a run in flight (it then reports <see cref="RunStopped"/>).</summary>
public sealed record CancelRun(string RunId) : RoomEffect;

/// <summary>Tell every listener (pages, the hub, storage), in order.</summary>
public sealed record Publish(RoomEvent Event) : RoomEffect;

/// <summary>The view after an input, the work it asks for, and why it was refused (null when applied).</summary>
public sealed record RoomStep(RoomView View, IReadOnlyList<RoomEffect> Effects, string? Refusal = null)
{
    public static RoomStep Refused(RoomView view, string refusal) => new(view, [], refusal);
}
