using System.Text.Json.Serialization;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// A change a member asks of a room. The room's runner applies commands one at a time, in order;
/// see docs/hub.md for how a SignalR client sends them.
/// </summary>
/// <param name="MemberId">Who asks (for permissions and the activity feed).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SelectDataset), nameof(SelectDataset))]
[JsonDerivedType(typeof(MoveSlider), nameof(MoveSlider))]
[JsonDerivedType(typeof(ConfigureSlider), nameof(ConfigureSlider))]
[JsonDerivedType(typeof(AddSlider), nameof(AddSlider))]
[JsonDerivedType(typeof(RemoveSlider), nameof(RemoveSlider))]
[JsonDerivedType(typeof(SetAlgorithm), nameof(SetAlgorithm))]
[JsonDerivedType(typeof(SetThreshold), nameof(SetThreshold))]
[JsonDerivedType(typeof(SetLeakyMode), nameof(SetLeakyMode))]
[JsonDerivedType(typeof(EnterRoom), nameof(EnterRoom))]
[JsonDerivedType(typeof(LeaveRoom), nameof(LeaveRoom))]
[JsonDerivedType(typeof(ExpireAwayMembers), nameof(ExpireAwayMembers))]
[JsonDerivedType(typeof(ClaimSeat), nameof(ClaimSeat))]
[JsonDerivedType(typeof(ReleaseSeat), nameof(ReleaseSeat))]
[JsonDerivedType(typeof(SetHostOnlyControls), nameof(SetHostOnlyControls))]
[JsonDerivedType(typeof(ReleaseIdleSeats), nameof(ReleaseIdleSeats))]
[JsonDerivedType(typeof(AddAlgorithm), nameof(AddAlgorithm))]
[JsonDerivedType(typeof(RemoveAlgorithm), nameof(RemoveAlgorithm))]
[JsonDerivedType(typeof(SetCosts), nameof(SetCosts))]
[JsonDerivedType(typeof(SetSensitiveColumn), nameof(SetSensitiveColumn))]
[JsonDerivedType(typeof(SetRelevanceThreshold), nameof(SetRelevanceThreshold))]
[JsonDerivedType(typeof(SetProxiesLeftOut), nameof(SetProxiesLeftOut))]
public abstract record RoomCommand(string MemberId) : RoomInput;

/// <summary>Load another data set, target or split; sliders and results start again from a baseline run.</summary>
public sealed record SelectDataset(string MemberId, DatasetChoice Dataset) : RoomCommand(MemberId);

/// <summary>
/// Move a slider (null: back to neutral). Retrains all algorithms. <paramref name="TargetShare"/> is the focus group's
/// share of the training rows (0.01–0.95), except on the class-balance track, where it is the signed position
/// −1 … +1 (<see cref="ClassBalance"/>: −1 undersamples the majority to 50/50, +1 SMOTEs the minority to 50/50).
/// </summary>
public sealed record MoveSlider(string MemberId, string SliderId, double? TargetShare) : RoomCommand(MemberId);

/// <summary>
/// Change a slider's focus group or methods; it returns to neutral. A null group puts the class slider back on its
/// class-balance track; a class named explicitly makes it the free control (that class to any share).
/// </summary>
public sealed record ConfigureSlider(string MemberId, string SliderId, FocusGroup? Group, UndersamplingMethod Under, OversamplingMethod Over, int K) : RoomCommand(MemberId);

/// <summary>Give a feature column a slider (default group: rarest category, or top quartile).</summary>
public sealed record AddSlider(string MemberId, string Column) : RoomCommand(MemberId);

public sealed record RemoveSlider(string MemberId, string SliderId) : RoomCommand(MemberId);

/// <summary>Set one algorithm's hyperparameters and class weight; retrains only that algorithm.</summary>
public sealed record SetAlgorithm(string MemberId, string AlgorithmId, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight) : RoomCommand(MemberId);

/// <summary>Move one algorithm's decision threshold for the whole room; metrics are recomputed from stored scores, nothing retrains.</summary>
public sealed record SetThreshold(string MemberId, string AlgorithmId, double Threshold) : RoomCommand(MemberId);

/// <summary>Turn the leaky teaching mode (resample before the split) on or off.</summary>
public sealed record SetLeakyMode(string MemberId, bool Leaky) : RoomCommand(MemberId);

/// <summary>A member arrives (or renames themself). The first member to enter as host becomes the room's host.</summary>
public sealed record EnterRoom(string MemberId, string DisplayName, bool AsHost = false) : RoomCommand(MemberId);

/// <summary>One of a member's connections leaves; with the last one the member is away, keeping role and seat for a grace period.</summary>
public sealed record LeaveRoom(string MemberId) : RoomCommand(MemberId);

/// <summary>The server's own: members away for longer than the grace period leave for good (seats freed, the host role passed on).</summary>
public sealed record ExpireAwayMembers(TimeSpan Grace) : RoomCommand(RoomRules.SystemMember);

/// <summary>Take an algorithm's seat: from now on only this member changes its settings.</summary>
public sealed record ClaimSeat(string MemberId, string AlgorithmId) : RoomCommand(MemberId);

/// <summary>Give a seat back (its holder, or the host for anyone's seat).</summary>
public sealed record ReleaseSeat(string MemberId, string AlgorithmId) : RoomCommand(MemberId);

/// <summary>Host only: whether only the host may move sliders and change the data set (classroom mode).</summary>
public sealed record SetHostOnlyControls(string MemberId, bool HostOnly) : RoomCommand(MemberId);

/// <summary>The server's own: seats whose holders have sent nothing for longer than <paramref name="Idle"/> are released.</summary>
public sealed record ReleaseIdleSeats(TimeSpan Idle) : RoomCommand(RoomRules.SystemMember);

/// <summary>Adds a card for a catalog classifier the room does not have yet (an ensemble, a detector, FastTree, logistic); trains only it.</summary>
public sealed record AddAlgorithm(string MemberId, string AlgorithmId) : RoomCommand(MemberId);

/// <summary>Removes an added card; the four course algorithms stay.</summary>
public sealed record RemoveAlgorithm(string MemberId, string AlgorithmId) : RoomCommand(MemberId);

/// <summary>Host only: what a false negative and a false positive cost (both above 0). Cards show the expected cost per test row at their thresholds.</summary>
public sealed record SetCosts(string MemberId, double FalseNegative, double FalsePositive) : RoomCommand(MemberId);

/// <summary>
/// Marks the column whose groups the cards' fairness tables compare (null: none). Nothing retrains: the rates per
/// group come from each card's stored test scores.
/// </summary>
public sealed record SetSensitiveColumn(string MemberId, string? Column) : RoomCommand(MemberId);

/// <summary>
/// For a numeric target: the relevance a value must reach to count as rare (null: the default 0.5). It changes which rows
/// are the rare values (the rare-values slider's group, the rare-range errors), so the room loads its data set again at
/// the new threshold and starts from a baseline, as <see cref="SelectDataset"/>; the test rows stay the same.
/// </summary>
public sealed record SetRelevanceThreshold(string MemberId, double? Threshold) : RoomCommand(MemberId);

/// <summary>
/// Leaves the sensitive column and its possible proxies out of the features the models train on (false: puts them back).
/// The data set is loaded again with those columns excluded, as changing the excluded columns does: a new baseline runs.
/// </summary>
public sealed record SetProxiesLeftOut(string MemberId, bool LeaveOut) : RoomCommand(MemberId);
