using System.Text.Json.Serialization;
using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// Everything any viewer of a room needs, in one immutable record: the page renders from it, the hub
/// sends it to a joining client, and <see cref="RoomReducer"/> is the only code that makes a new one.
/// Two parts stay in process (<see cref="Workspace"/>: the featurized data; <see cref="Resampled"/>: the
/// latest training rows, for the slider charts); every other property is plain data on the wire.
/// </summary>
public sealed record RoomView
{
    /// <summary>How many activity lines a room keeps.</summary>
    public const int ActivityLength = 50;

    public required RoomState State { get; init; }

    /// <summary>The data set made ready for runs; null while the first one loads.</summary>
    [JsonIgnore]
    public DatasetWorkspace? Workspace { get; init; }

    /// <summary>The latest training rows after resampling (for the before/after charts).</summary>
    [JsonIgnore]
    public ResampledTrainingSet? Resampled { get; init; }

    /// <summary>The data set as the page names it (a bundled set's title, an upload's file name).</summary>
    public string? DatasetTitle { get; init; }

    public string? DatasetCredit { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = [];

    public DatasetProfile? Profile { get; init; }

    /// <summary>Permutation importance on the test rows (the ranking the default sliders come from).</summary>
    public IReadOnlyList<ColumnImportance> Importance { get; init; } = [];

    public IReadOnlyList<ColumnGain> TreeGains { get; init; } = [];

    public string? ImportanceModel { get; init; }

    /// <summary>What the seats do on this data set: classify, or predict the target as a number (regression).</summary>
    public TargetTask Task { get; init; }

    /// <summary>Each algorithm's latest result, at its seat's threshold.</summary>
    public IReadOnlyDictionary<string, AlgorithmResult> Latest { get; init; } = new Dictionary<string, AlgorithmResult>();

    /// <summary>Each algorithm's result on the data as it is (every slider at neutral), at its seat's threshold.</summary>
    public IReadOnlyDictionary<string, AlgorithmResult> Baseline { get; init; } = new Dictionary<string, AlgorithmResult>();

    public IReadOnlyDictionary<string, AlgorithmStatusView> Status { get; init; } = new Dictionary<string, AlgorithmStatusView>();

    /// <summary>One point per algorithm per run, oldest first: the runs table and the history chart.</summary>
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];

    /// <summary>What the latest resampling did (rows before and after, per-slider reports).</summary>
    public TrainingSummary? Training { get; init; }

    public IReadOnlyList<ActivityEntry> Activity { get; init; } = [];

    /// <summary>The latest run's failure, for the user; null after a success.</summary>
    public string? Error { get; init; }

    /// <summary>The slider moved last: the history chart's default axis, and what the next run's points are plotted against.</summary>
    public string? LastMovedSliderId { get; init; }

    /// <summary>Since when no member has been present (null while someone is).</summary>
    public DateTimeOffset? EmptySince { get; init; }

    /// <summary>When each member last sent a command: seats of holders quiet for too long are released.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastActive { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Runs in flight, by run id.</summary>
    public IReadOnlyDictionary<string, RunPlan> Runs { get; init; } = new Dictionary<string, RunPlan>();

    /// <summary>Which run each algorithm's next result must come from: a result of any other run is superseded and dropped.</summary>
    public IReadOnlyDictionary<string, string> ResultFrom { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A change made while the data set's baseline trains: the baseline is every card's reference ("vs baseline", the
    /// history's first point, the stored baseline run), so it is not cancelled; this run starts when it ends, with the
    /// room's settings as they are by then. Null when nothing waits.
    /// </summary>
    public DeferredRun? AfterBaseline { get; init; }

    /// <summary>The run whose resampled rows are current (a settings change of one algorithm retrains on them).</summary>
    public string? PreparedRunId { get; init; }

    /// <summary>Every run's number in this room, in the order runs first reported: never renumbered.</summary>
    public IReadOnlyDictionary<string, int> RunNumbers { get; init; } = new Dictionary<string, int>();

    /// <summary>How many runs this room has started (part of each new run's id).</summary>
    public int RunsStarted { get; init; }

    /// <summary>A stored state to reopen the room with once its data set has loaded; null afterwards.</summary>
    public RoomState? Restoring { get; init; }

    /// <summary>Whether <see cref="Restoring"/> is a room that was open a moment ago (it keeps its members and seat holders).</summary>
    [JsonIgnore]
    public bool RestoringLive { get; init; }

    /// <summary>A room about to load its first data set (as <paramref name="restoring"/> left it, when reopened).</summary>
    /// <param name="live">The restored state is of a room that was open a moment ago (its server died and it moved here):
    /// its members and seat holders stay, away until they come back (the grace period keeps host role and seats).</param>
    /// <param name="log">With <paramref name="live"/>: the room's history, run numbers and activity as its server left them.</param>
    public static RoomView Opening(string code, DatasetChoice dataset, RoomState? restoring, DateTimeOffset now, bool live = false, RoomLog? log = null)
    {
        var state = new RoomState(code, dataset, [], RoomDefaults.Algorithms());
        return new RoomView
        {
            State = state,
            Restoring = restoring,
            RestoringLive = live,
            History = log?.History ?? [],
            RunNumbers = log?.RunNumbers ?? new Dictionary<string, int>(),
            Activity = log?.Activity ?? [],
            EmptySince = now,
            Status = state.Algorithms.ToDictionary(a => a.AlgorithmId, _ => new AlgorithmStatusView(true, "loading the data set")),
        };
    }

    /// <summary>True while some run has not yet reported its end.</summary>
    [JsonIgnore]
    public bool IsBusy => Runs.Count > 0;
}

/// <summary>A run asked for while the baseline trained (<see cref="RoomView.AfterBaseline"/>): the latest change's description and who made it.</summary>
public sealed record DeferredRun(string Reason, string Who);

/// <summary>A run the room started: what it trains and with which settings, as they were when it started.</summary>
/// <param name="State">The room's settings at the start (sliders, seats, mode).</param>
/// <param name="MovedSliderId">The slider moved last before the run (what its history points are plotted against); null for a baseline.</param>
/// <param name="PreparedFrom">A run whose resampled rows this one reuses (a one-algorithm retrain); null: it resamples itself.</param>
public sealed record RunPlan(string RunId, string Reason, IReadOnlyList<string> AlgorithmIds, bool IsBaseline, RoomState State,
    string? MovedSliderId, string? PreparedFrom);

/// <summary>
/// What a room has been through, kept beside its settings so that a room moving to another server keeps its runs
/// table, history chart (at the thresholds they were made with: the points' test scores stay behind) and feed.
/// </summary>
public sealed record RoomLog(IReadOnlyList<HistoryPoint> History, IReadOnlyDictionary<string, int> RunNumbers, IReadOnlyList<ActivityEntry> Activity)
{
    public static RoomLog Of(RoomView view) => new(view.History, view.RunNumbers, view.Activity);
}
