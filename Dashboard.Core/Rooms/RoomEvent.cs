using System.Text.Json.Serialization;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// Something that happened in a room. Every event goes to the room's Blazor circuits (in process)
/// and to its SignalR group (the hub method has the event type's name); see docs/hub.md.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RoomStateChanged), nameof(RoomStateChanged))]
[JsonDerivedType(typeof(RunStarted), nameof(RunStarted))]
[JsonDerivedType(typeof(AlgorithmProgress), nameof(AlgorithmProgress))]
[JsonDerivedType(typeof(AlgorithmCompleted), nameof(AlgorithmCompleted))]
[JsonDerivedType(typeof(RunCompleted), nameof(RunCompleted))]
[JsonDerivedType(typeof(RunCancelled), nameof(RunCancelled))]
[JsonDerivedType(typeof(RunFailed), nameof(RunFailed))]
[JsonDerivedType(typeof(RunNotStored), nameof(RunNotStored))]
public abstract record RoomEvent(string RoomCode)
{
    /// <summary>When the server published the event (UTC), for push-latency measurements.</summary>
    public DateTimeOffset PublishedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>True for the event that ends a run (completed, cancelled or failed): after it, what a user waits for is complete.</summary>
    [JsonIgnore]
    public bool EndsRun => this is RunCompleted or RunCancelled or RunFailed;

    /// <summary>
    /// Whether a page should draw this event at once rather than gather it with others: the result after which no card
    /// is training, or a run that ended without results (cancelled, failed). A completed run's own end is not: its
    /// results were drawn already, and it reaches a page only after storage has written the run (tens of milliseconds
    /// later) — drawn at once, it would be a second render of the page while the browser is taking in the first.
    /// </summary>
    [JsonIgnore]
    public bool CompletesWait => this is RunCancelled or RunFailed || this is AlgorithmCompleted { LeavesNoneTraining: true };
}

/// <summary>The room's shared settings changed (data set, sliders, seats, threshold, mode).</summary>
public sealed record RoomStateChanged(string RoomCode, RoomState State, string? ChangedBy, string Description) : RoomEvent(RoomCode);

/// <summary>A run began: which algorithms will report, why, and the settings it was started with.</summary>
public sealed record RunStarted(string RoomCode, string RunId, IReadOnlyList<string> AlgorithmIds, string Reason, RunContext? Context = null) : RoomEvent(RoomCode);

/// <summary>A stage of one algorithm's part of a run began ("resampling", "training", "scoring").</summary>
public sealed record AlgorithmProgress(string RoomCode, string RunId, string AlgorithmId, string Stage, TrainingSummary? Training = null) : RoomEvent(RoomCode);

/// <summary>One algorithm finished (or failed): the full result, pushed the moment it is ready.</summary>
public sealed record AlgorithmCompleted(string RoomCode, string RunId, AlgorithmResult Result, TrainingSummary Training) : RoomEvent(RoomCode)
{
    /// <summary>
    /// True when no card is training after this result (the run's last one, or the only one a card waited for). Set
    /// by the reducer as it applies the result: a listener that looked at the room's view instead would see the view of
    /// its own moment, in which a run answered from the cache has all four results before the first is delivered.
    /// </summary>
    public bool LeavesNoneTraining { get; init; }
}

/// <summary>Every algorithm of the run reported.</summary>
public sealed record RunCompleted(string RoomCode, string RunId, double Seconds) : RoomEvent(RoomCode);

/// <summary>A newer change cancelled the run (latest wins).</summary>
public sealed record RunCancelled(string RoomCode, string RunId, string Reason) : RoomEvent(RoomCode);

/// <summary>The run could not go on (e.g. a bad data set); the message is for the user.</summary>
public sealed record RunFailed(string RoomCode, string RunId, string Error) : RoomEvent(RoomCode);

/// <summary>A run finished and was pushed, but could not be stored (e.g. the server's disk is full); the message is for the user.</summary>
public sealed record RunNotStored(string RoomCode, string RunId, string Warning) : RoomEvent(RoomCode);
