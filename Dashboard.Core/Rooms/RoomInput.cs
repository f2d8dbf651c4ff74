using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// Anything that changes a room: a member's <see cref="RoomCommand"/>, or a report of the work the room
/// asked for (a data set loaded, a run's stages). <see cref="RoomReducer.Apply"/> takes every one.
/// </summary>
public abstract record RoomInput;

/// <summary>The data set a <see cref="SelectDataset"/> asked for is loaded and ready.</summary>
public sealed record DatasetReady(string MemberId, DatasetWorkspace Workspace, DatasetChoice Dataset) : RoomInput
{
    /// <summary>The load's <see cref="LoadDataset.Proxies"/>: null for any other load, which clears the room's exclusion for fairness.</summary>
    public ProxyToggle? Proxies { get; init; }
}

/// <summary>A report of one run, by its id.</summary>
public abstract record RunReport(string RunId) : RoomInput;

/// <summary>The run resampled its training rows (training starts now).</summary>
public sealed record RunPrepared(string RunId, TrainingSummary Training, ResampledTrainingSet Resampled) : RunReport(RunId);

/// <summary>One algorithm of the run finished (or failed), scored at threshold 0.5, with what its run's resampling did.</summary>
public sealed record RunResult(string RunId, AlgorithmResult Result, TrainingSummary Training) : RunReport(RunId);

/// <summary>Every algorithm of the run reported.</summary>
public sealed record RunEnded(string RunId, double Seconds) : RunReport(RunId);

/// <summary>The run was cancelled before it ended.</summary>
public sealed record RunStopped(string RunId, string Reason) : RunReport(RunId);

/// <summary>The run could not go on; the message is for the user.</summary>
public sealed record RunBroken(string RunId, string Message) : RunReport(RunId);
