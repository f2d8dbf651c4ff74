using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// How each command changes a room's state, as a pure function: the runner applies it, tests call it
/// directly. An invalid command throws <see cref="ArgumentException"/> or <see cref="DatasetException"/>
/// with a message for the user; the state is then unchanged.
/// </summary>
public static class RoomRules
{
    public const double MinShare = 0.01;
    public const double MaxShare = 0.95;

    /// <summary>The member id the server uses for its own commands (loading the first data set): always allowed.</summary>
    public const string SystemMember = "system";

    public const int MaxDisplayName = 40;

    /// <summary>A member key a client may claim: 16 to 64 letters, digits, '-' or '_' (a browser keeps a random one).</summary>
    public static bool IsMemberKey(string? key) =>
        key is { Length: >= 16 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && key != SystemMember;

    /// <param name="now">The time the command is applied (a member who leaves is away from then).</param>
    public static CommandOutcome Apply(RoomState state, RoomCommand command, FeaturizedSplit? split, DateTimeOffset now = default)
    {
        CheckAllowed(state, command);
        var outcome = command switch
        {
            EnterRoom c => Enter(state, c),
            LeaveRoom c => Leave(state, c, now),
            ExpireAwayMembers c => Expire(state, now - c.Grace),
            ClaimSeat c => Claim(state, c),
            ReleaseSeat c => Release(state, c),
            SetHostOnlyControls c => new CommandOutcome(state with { HostOnlyControls = c.HostOnly }, RunScope.None,
                c.HostOnly ? "switched to classroom mode: only the host moves sliders" : "let everyone move the sliders"),
            _ when split is null => throw new InvalidOperationException("The room is still loading its data set; try again in a moment."),
            _ when split.Data.Task == TargetTask.Regression && RegressionRefusal(command, split.Data) is { } refusal => throw new ArgumentException(refusal),
            // Loading a data set is the runner's work (it must load before it changes anything): only its permission is checked here.
            SelectDataset or SetRelevanceThreshold or SetProxiesLeftOut => throw new InvalidOperationException("A data set is loaded by the room's runner, not applied as a rule."),
            MoveSlider c => MoveSlider(state, c, split.Data.Task),
            ConfigureSlider c => ConfigureSlider(state, c, split),
            AddSlider c => AddSlider(state, c, split),
            RemoveSlider c => RemoveSlider(state, c),
            SetAlgorithm c => SetAlgorithm(state, c, split.Data.Task),
            AddAlgorithm c => AddAlgorithm(state, c),
            SetCosts c => SetCosts(state, c),
            SetSensitiveColumn c => SetSensitiveColumn(state, c, split),
            RemoveAlgorithm c => RemoveAlgorithm(state, c),
            SetThreshold c => SetThreshold(state, c),
            SetLeakyMode c => new CommandOutcome(state with { Leaky = c.Leaky }, RunScope.AllAlgorithms, c.Leaky ? "turned leaky mode ON" : "turned leaky mode off"),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        return outcome with { State = outcome.State with { Version = state.Version + 1 } };
    }

    /// <summary>Refuses, with a message naming who may, a command this member is not allowed to send.</summary>
    public static void CheckAllowed(RoomState state, RoomCommand command)
    {
        if (Refusal(state, command) is { } refusal) throw new InvalidOperationException(refusal);
    }

    /// <summary>
    /// Who may do what, in one place: null when the member may send the command, else the sentence
    /// naming who may. The runner refuses with it; the page enables a control only when it is null.
    /// </summary>
    public static string? Refusal(RoomState state, RoomCommand command)
    {
        if (command.MemberId == SystemMember) return null;
        var isHost = state.Member(command.MemberId)?.IsHost == true;
        var host = state.Members.FirstOrDefault(m => m.IsHost)?.DisplayName ?? "the host";
        var holder = command switch
        {
            SetAlgorithm c => HolderOf(state, c.AlgorithmId),
            SetThreshold c => HolderOf(state, c.AlgorithmId),
            ReleaseSeat c => HolderOf(state, c.AlgorithmId),
            _ => null,
        };
        return command switch
        {
            SetAlgorithm c when holder is not null && holder != c.MemberId =>
                $"{state.NameOf(holder)} tunes {AlgorithmCatalog.Get(c.AlgorithmId).DisplayName}: only they can change its settings.",
            SetAlgorithm c when holder == c.MemberId => null,
            Rooms.SetThreshold when state.HostOnlyControls && !isHost =>
                $"This room is in classroom mode: only the host ({host}) sets the thresholds.",
            SetThreshold c when holder is not null && holder != c.MemberId && !isHost =>
                $"{state.NameOf(holder)} tunes {AlgorithmCatalog.Get(c.AlgorithmId).DisplayName}: only they or the host can set its threshold.",
            Rooms.SetThreshold => null,
            SetHostOnlyControls when !isHost => $"Only the host ({host}) can switch classroom mode.",
            Rooms.SetCosts when !isHost => $"Only the host ({host}) sets what the mistakes cost.",
            ReleaseSeat c when holder is not null && holder != c.MemberId && !isHost =>
                $"{state.NameOf(holder)} holds that seat; only they or the host can release it.",
            Rooms.SelectDataset or Rooms.SetRelevanceThreshold or Rooms.MoveSlider or Rooms.ConfigureSlider or Rooms.AddSlider or Rooms.RemoveSlider or Rooms.SetLeakyMode or Rooms.SetAlgorithm
                or Rooms.AddAlgorithm or Rooms.RemoveAlgorithm
                when state.HostOnlyControls && !isHost =>
                $"This room is in classroom mode: only the host ({host}) moves the sliders, changes the data set and free algorithms, and adds or removes cards.",
            Rooms.SetSensitiveColumn when state.HostOnlyControls && !isHost =>
                $"This room is in classroom mode: only the host ({host}) marks the sensitive column.",
            Rooms.SetProxiesLeftOut when state.HostOnlyControls && !isHost =>
                $"This room is in classroom mode: only the host ({host}) leaves columns out of the features.",
            _ => null,
        };
    }

    /// <summary>The seat's holder; null for a free seat or an algorithm the room does not have (the command then fails on its own).</summary>
    private static string? HolderOf(RoomState state, string? algorithmId) =>
        state.Algorithms.FirstOrDefault(a => a.AlgorithmId == algorithmId)?.HolderId;

    private static CommandOutcome Enter(RoomState state, EnterRoom command)
    {
        var name = CleanName(command.DisplayName);
        var existing = state.Member(command.MemberId);
        var isHost = existing?.IsHost == true || (command.AsHost && !state.Members.Any(m => m.IsHost));
        // Entering again (a reconnect, another tab, back from History) is the same member: role and seat kept.
        var member = existing is null
            ? new RoomMember(command.MemberId, name, isHost)
            : existing with { DisplayName = name, IsHost = isHost, Connections = existing.Connections + 1, AwaySince = null };
        var members = existing is null ? [.. state.Members, member] : state.Members.Select(m => m.Id == member.Id ? member : m).ToArray();
        var text = existing is null ? $"joined{(isHost ? " as host" : "")}"
            : existing.DisplayName != name ? $"is now called {name}"
            : existing.IsPresent ? "opened another tab" : "is back";
        return new CommandOutcome(state with { Members = members }, RunScope.None, text);
    }

    private static CommandOutcome Leave(RoomState state, LeaveRoom command, DateTimeOffset now)
    {
        if (state.Member(command.MemberId) is not { IsPresent: true } leaving) return new CommandOutcome(state, RunScope.None, "left");
        var left = leaving with { Connections = leaving.Connections - 1 };
        if (!left.IsPresent) left = left with { AwaySince = now };
        var members = state.Members.Select(m => m.Id == left.Id ? left : m).ToArray();
        return new CommandOutcome(state with { Members = members }, RunScope.None, left.IsPresent ? "closed a tab" : "is away");
    }

    /// <summary>Members away since before <paramref name="awayBefore"/> leave: their seats are freed and the host role passes on.</summary>
    private static CommandOutcome Expire(RoomState state, DateTimeOffset awayBefore)
    {
        var gone = state.Members.Where(m => !m.IsPresent && m.AwaySince <= awayBefore).Select(m => m.Id).ToHashSet();
        if (gone.Count == 0) return new CommandOutcome(state, RunScope.None, "");
        var members = state.Members.Where(m => !gone.Contains(m.Id)).ToList();
        // The host role passes on (to someone present if possible), so a classroom room is never left without one.
        if (!members.Any(m => m.IsHost) && members.Count > 0)
        {
            var heir = members.FindIndex(m => m.IsPresent) is var i and >= 0 ? i : 0;
            members[heir] = members[heir] with { IsHost = true };
        }
        var seats = state.Algorithms.Select(a => a.HolderId is { } holder && gone.Contains(holder) ? a with { HolderId = null } : a).ToArray();
        var names = string.Join(", ", state.Members.Where(m => gone.Contains(m.Id)).Select(m => m.DisplayName));
        return new CommandOutcome(state with { Members = members, Algorithms = seats }, RunScope.None, $"{names} left (away too long)");
    }

    private static CommandOutcome Claim(RoomState state, ClaimSeat command)
    {
        var seat = state.Seat(command.AlgorithmId);
        var name = AlgorithmCatalog.Get(command.AlgorithmId).DisplayName;
        if (seat.HolderId is { } holder && holder != command.MemberId)
        {
            throw new InvalidOperationException($"{state.NameOf(holder)} already tunes {name}. Pick a free card, or ask the host to release it.");
        }
        // One seat per member: taking a card gives back the one held before.
        var seats = state.Algorithms.Select(a =>
            a.AlgorithmId == seat.AlgorithmId ? a with { HolderId = command.MemberId } :
            a.HolderId == command.MemberId ? a with { HolderId = null } : a).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.None, $"tunes {name}");
    }

    private static CommandOutcome Release(RoomState state, ReleaseSeat command)
    {
        var seats = state.Algorithms.Select(a => a.AlgorithmId == command.AlgorithmId ? a with { HolderId = null } : a).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.None, $"released {AlgorithmCatalog.Get(command.AlgorithmId).DisplayName}");
    }

    /// <summary>A display name as shown: trimmed, no control characters, at most 40 characters; "Guest" when empty.</summary>
    public static string CleanName(string? name)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > MaxDisplayName) clean = clean[..MaxDisplayName].TrimEnd();
        return clean.Length == 0 ? "Guest" : clean;
    }

    private static CommandOutcome MoveSlider(RoomState state, MoveSlider command, TargetTask task)
    {
        var slider = state.Slider(command.SliderId);
        if (slider.IsBalanceTrack)
        {
            // The class-balance track: the number is a signed position toward 50/50, not a share (see ClassBalance).
            var position = command.TargetShare ?? 0;
            if (ClassBalance.Problem(position) is { } problem) throw new ArgumentException(problem);
            // The sign says the side (negative: the majority undersampled; positive: the minority SMOTEd), as on the track.
            var track = task == TargetTask.Regression ? "rare values" : "class balance";
            var moved = position == 0 ? $"reset {track}" : $"moved {track} to {Format(position)}";
            return Replace(state, slider with { Balance = position }, RunScope.AllAlgorithms, moved);
        }
        if (command.TargetShare is { } share && (double.IsNaN(share) || share < MinShare || share > MaxShare))
        {
            throw new ArgumentException($"A slider's share must be between {Format(MinShare * 100)}% and {Format(MaxShare * 100)}% of the training rows; {Format(share)} was given.");
        }
        var text = command.TargetShare is { } s ? $"moved {slider.Label} to {Format(s)}" : $"reset {slider.Label}";
        return Replace(state, slider with { TargetShare = command.TargetShare }, RunScope.AllAlgorithms, text);
    }

    private static CommandOutcome AddSlider(RoomState state, AddSlider command, FeaturizedSplit split)
    {
        if (!split.Data.FeatureNames.Contains(command.Column))
        {
            throw new ArgumentException($"'{command.Column}' is not a feature of this data set, so it cannot have a slider.");
        }
        if (state.Sliders.Any(s => s.Column == command.Column)) throw new ArgumentException($"'{command.Column}' already has a slider.");
        var sliders = state.Sliders.Append(RoomDefaults.FeatureSlider(split, command.Column)).ToArray();
        return new CommandOutcome(state with { Sliders = sliders }, RunScope.None, $"added a slider for {command.Column}");
    }

    private static CommandOutcome ConfigureSlider(RoomState state, ConfigureSlider command, FeaturizedSplit split)
    {
        var slider = state.Slider(command.SliderId);
        var (under, over, k) = (command.Under, command.Over, ValidK(command.K));
        if (command.Group is null)
        {
            // No class named: the class slider goes back to its textbook track (the minority toward 50/50).
            if (!slider.IsClassSlider) throw new ArgumentException("A feature slider needs a focus group: a category or a range of its column.");
            return Replace(state, RoomDefaults.ClassSlider(split) with { Under = under, Over = over, K = k }, RunScope.AllAlgorithms,
                "set the class slider to balance the classes (left: undersample the majority; right: SMOTE the minority)");
        }
        if (slider.IsClassSlider != command.Group is ClassGroup or TargetRangeGroup)
        {
            throw new ArgumentException(slider.IsClassSlider
                ? split.Data.Task == TargetTask.Regression
                    ? $"The rare-values slider's focus group is the rare values or a range of '{split.Data.TargetColumn}'."
                    : "The class-balance slider's focus group is a class."
                : "A feature slider's focus group is a category or a range of a feature column.");
        }
        // A group that names no training row (an unknown column or category) is refused now, not when the run fails.
        if (FocusGroupShare.Of(command.Group, split.Data, split.Split.TrainRows) <= 0)
        {
            throw new ArgumentException($"No training row is in {command.Group.Describe(split.Data)}: pick a group that has some.");
        }
        // A class named explicitly is the free control: that class to any share (the balance track is left).
        return Replace(state, slider with { Group = command.Group, Under = under, Over = over, K = k, TargetShare = null, Balance = null },
            RunScope.AllAlgorithms, $"set the {slider.Label} slider to {command.Group.Describe(split.Data)}");
    }

    private static CommandOutcome RemoveSlider(RoomState state, RemoveSlider command)
    {
        var slider = state.Slider(command.SliderId);
        if (slider.IsClassSlider) throw new ArgumentException("The class-balance slider cannot be removed; reset it instead.");
        var sliders = state.Sliders.Where(s => s.Id != slider.Id).ToArray();
        // Removing a slider that was away from neutral changes the training rows.
        var scope = slider.IsNeutral ? RunScope.None : RunScope.AllAlgorithms;
        return new CommandOutcome(state with { Sliders = sliders }, scope, $"removed the slider for {slider.Label}");
    }

    /// <summary>
    /// The room's data set choice at the asked relevance threshold (the default is stored as null, so a room set back to it
    /// has the keys and baseline it had). Refused, with the reason, in a room that predicts classes or has no data yet, or
    /// for a threshold out of range.
    /// </summary>
    public static DatasetChoice WithRelevanceThreshold(RoomState state, DatasetWorkspace? workspace, SetRelevanceThreshold command)
    {
        if (workspace?.Task != TargetTask.Regression)
        {
            throw new ArgumentException("The relevance threshold says which values of a numeric target are rare; this room predicts classes.");
        }
        var threshold = command.Threshold is { } asked ? RelevanceFunction.CheckThreshold(asked) : (double?)null;
        return state.Dataset with { RelevanceThreshold = threshold == RelevanceFunction.DefaultThreshold ? null : threshold };
    }

    /// <summary>
    /// For a numeric target: the sentence refusing a command that only means something for classes (a threshold, the
    /// costs of the two mistakes, a class weight, a classifier card); null for every other command.
    /// </summary>
    public static string? RegressionRefusal(RoomCommand command, LabeledDataset data) => command switch
    {
        Rooms.SetThreshold => $"'{data.TargetColumn}' is predicted as a number (regression): there is no decision threshold to set.",
        Rooms.SetCosts => $"'{data.TargetColumn}' is predicted as a number (regression): there are no false negatives or false positives to cost.",
        Rooms.AddAlgorithm => $"'{data.TargetColumn}' is predicted as a number (regression): the extra cards are classifiers; the four seats hold the regressors.",
        SetAlgorithm c when c.ClassWeight.Mode != ClassWeightMode.None =>
            $"'{data.TargetColumn}' is predicted as a number (regression): class weights do not apply; move the rare-values slider instead.",
        _ => null,
    };

    private static CommandOutcome SetAlgorithm(RoomState state, SetAlgorithm command, TargetTask task)
    {
        var seat = state.Seat(command.AlgorithmId);
        var algorithm = AlgorithmCatalog.Get(command.AlgorithmId, task);
        algorithm.Validate(command.Hyperparameters);
        // "From costs" takes the room's costs, whatever weight the client computed.
        var weight = command.ClassWeight.Mode == ClassWeightMode.FromCosts ? ClassWeighting.FromCosts(state.Costs) : command.ClassWeight;
        weight.WeightsFor([0, 1]); // validates a custom weight
        var seats = state.Algorithms.Select(a => a.AlgorithmId == seat.AlgorithmId
            ? a with { Hyperparameters = command.Hyperparameters, ClassWeight = weight }
            : a).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.OneAlgorithm, $"changed {algorithm.DisplayName}'s settings", algorithm.Id);
    }

    private static CommandOutcome SetThreshold(RoomState state, SetThreshold command)
    {
        var seat = state.Seat(command.AlgorithmId);
        if (double.IsNaN(command.Threshold) || command.Threshold < 0 || command.Threshold > 1)
        {
            throw new ArgumentException($"The threshold must be between 0 and 1; {Format(command.Threshold)} was given.");
        }
        var seats = state.Algorithms.Select(a => a.AlgorithmId == seat.AlgorithmId ? a with { Threshold = command.Threshold } : a).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.None,
            $"set {AlgorithmCatalog.Get(seat.AlgorithmId).DisplayName}'s threshold to {Format(command.Threshold)}", seat.AlgorithmId);
    }

    /// <summary>The most cards a room shows: every card trains on every slider move, and eight still fit a screen.</summary>
    public const int MaxCards = 8;

    /// <summary>The catalog's classifiers a room can add: every one it does not have yet.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Addable(RoomState state) =>
        AlgorithmCatalog.All.Where(a => state.Algorithms.All(s => s.AlgorithmId != a.Id)).ToArray();

    /// <summary>Whether a card was added to the room (the four course algorithms were not, and stay).</summary>
    public static bool IsAdded(string algorithmId) => AlgorithmCatalog.Defaults.All(a => a.Id != algorithmId);

    private static CommandOutcome AddAlgorithm(RoomState state, AddAlgorithm command)
    {
        var algorithm = AlgorithmCatalog.Get(command.AlgorithmId);
        if (state.Algorithms.Any(a => a.AlgorithmId == algorithm.Id)) throw new ArgumentException($"{algorithm.DisplayName} already has a card in this room.");
        if (state.Algorithms.Count >= MaxCards)
        {
            throw new ArgumentException($"A room shows at most {MaxCards} cards (each one trains on every slider move). Remove an added card first.");
        }
        var seats = state.Algorithms.Append(new AlgorithmSeat(algorithm.Id, HyperparameterValues.Defaults, ClassWeighting.None)).ToArray();
        // Trained alone, on the rows the sliders made for the others, so the new card is comparable at once.
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.OneAlgorithm, $"added a card for {algorithm.DisplayName}", algorithm.Id);
    }

    private static CommandOutcome RemoveAlgorithm(RoomState state, RemoveAlgorithm command)
    {
        var seat = state.Seat(command.AlgorithmId);
        var name = AlgorithmCatalog.Get(seat.AlgorithmId).DisplayName;
        if (!IsAdded(seat.AlgorithmId)) throw new ArgumentException($"{name} is one of the four course algorithms and stays; only added cards can be removed.");
        var seats = state.Algorithms.Where(a => a.AlgorithmId != seat.AlgorithmId).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.None, $"removed the card for {name}", seat.AlgorithmId);
    }

    /// <summary>Null when the room can use these costs, else the sentence naming the problem: each must be a number above 0.</summary>
    public static string? CostsProblem(double falseNegative, double falsePositive)
    {
        foreach (var (cost, mistake) in new[] { (falseNegative, "false negative"), (falsePositive, "false positive") })
        {
            // Above 0, not just at or above: a free mistake would never be avoided, and "from costs" divides by C_FP.
            if (!double.IsFinite(cost) || cost <= 0)
            {
                return $"The cost of a {mistake} must be a number above 0 (e.g. 1, or 5 for a mistake five times as bad); {Format(cost)} was given.";
            }
        }
        return CostMatrix.Problem(falseNegative, falsePositive);
    }

    private static CommandOutcome SetCosts(RoomState state, SetCosts command)
    {
        if (CostsProblem(command.FalseNegative, command.FalsePositive) is { } problem) throw new ArgumentException(problem);
        var costs = new CostMatrix(command.FalseNegative, command.FalsePositive);
        // Seats weighting their classes "from costs" follow the new costs, and retrain with them.
        var fromCosts = state.Algorithms.Any(a => a.ClassWeight.Mode == ClassWeightMode.FromCosts);
        var seats = state.Algorithms.Select(a => a.ClassWeight.Mode == ClassWeightMode.FromCosts ? a with { ClassWeight = ClassWeighting.FromCosts(costs) } : a).ToArray();
        return new CommandOutcome(state with { Costs = costs, Algorithms = seats }, fromCosts ? RunScope.AllAlgorithms : RunScope.None,
            $"set the costs: a false negative costs {Format(costs.FalseNegative)}, a false positive {Format(costs.FalsePositive)}");
    }

    private static CommandOutcome SetSensitiveColumn(RoomState state, SetSensitiveColumn command, FeaturizedSplit split)
    {
        if (command.Column is null) return new CommandOutcome(state with { SensitiveColumn = null }, RunScope.None, "cleared the sensitive column");
        if (Fairness.SensitiveColumns.Problem(split.Data, command.Column) is { } problem) throw new ArgumentException(problem);
        // Nothing retrains: every card's rates per group come from the test scores it already has.
        return new CommandOutcome(state with { SensitiveColumn = command.Column }, RunScope.None,
            $"marked {command.Column} as the sensitive column (fairness by group)");
    }

    private static CommandOutcome Replace(RoomState state, SliderState slider, RunScope scope, string description) =>
        new(state with { Sliders = state.Sliders.Select(s => s.Id == slider.Id ? slider : s).ToArray() }, scope, description);

    private static int ValidK(int k) =>
        k is >= 1 and <= 50 ? k : throw new ArgumentException($"k (neighbours for SMOTE) must be between 1 and 50; {k} was given.");

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
