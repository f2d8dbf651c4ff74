namespace Dashboard.Core.Rooms;

/// <summary>
/// Everything a room's members share, as plain serializable data: the data set, the sliders (class
/// slider first), the algorithm seats (each with its threshold) and the mode. One writer (the room's
/// runner) changes it; every change bumps <see cref="Version"/>.
/// </summary>
/// <param name="Leaky">Teaching mode: resample BEFORE the split, so scores inflate. Off by default; runs made in it are marked.</param>
/// <param name="HostOnlyControls">Classroom mode: only the host moves sliders and changes the data set (seats stay with their holders).</param>
public sealed record RoomState(
    string Code,
    DatasetChoice Dataset,
    IReadOnlyList<SliderState> Sliders,
    IReadOnlyList<AlgorithmSeat> Algorithms,
    bool Leaky = false,
    int Version = 0,
    IReadOnlyList<RoomMember>? Members = null,
    bool HostOnlyControls = false)
{
    public IReadOnlyList<RoomMember> Members { get; init; } = Members ?? [];

    /// <summary>
    /// The baseline runs this room has shown, newest last. A baseline's id comes from everything its results
    /// depend on, so rooms opening the same data set share one stored baseline; this list links it to the room.
    /// </summary>
    public IReadOnlyList<string> BaselineRunIds { get; init; } = [];

    /// <summary>
    /// What a false negative and a false positive cost in this room (1 and 1 until the host sets them; a room stored
    /// before costs existed loads with 1 and 1). Cards show the expected cost per test row at their thresholds, and a
    /// seat weighting its classes "from costs" weighs positive rows C_FN / C_FP of these.
    /// </summary>
    public Metrics.CostMatrix Costs { get; init; } = Metrics.CostMatrix.Equal;

    /// <summary>
    /// The column whose groups (gender, an ethnicity, an age band) every card's fairness table compares; null while
    /// none is marked (and for a room stored before this existed). Room state, so every member sees the same groups.
    /// </summary>
    public string? SensitiveColumn { get; init; }

    /// <summary>
    /// The columns left out of the features for fairness (the sensitive column and its possible proxies), or null while
    /// none are (and for a room stored before this existed). The data set's excluded columns carry them.
    /// </summary>
    public ProxyExclusion? ProxiesLeftOut { get; init; }

    public RoomMember? Member(string id) => Members.FirstOrDefault(m => m.Id == id);

    /// <summary>The name to show for a member id (the id itself for someone who is not a member, e.g. "system").</summary>
    public string NameOf(string id) => Member(id)?.DisplayName ?? id;

    public SliderState Slider(string id) =>
        Sliders.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException(
            $"This room has no slider '{id}'. Its sliders are: {string.Join(", ", Sliders.Select(s => s.Id))}.", nameof(id));

    public AlgorithmSeat Seat(string algorithmId) =>
        Algorithms.FirstOrDefault(a => a.AlgorithmId == algorithmId) ?? throw new ArgumentException(
            $"This room has no algorithm '{algorithmId}'. Its algorithms are: {string.Join(", ", Algorithms.Select(a => a.AlgorithmId))}.", nameof(algorithmId));

    /// <summary>What a run made with this state did to a slider's group, or null when the slider was at neutral.</summary>
    public Resampling.ChangeReport? ReportOf(SliderState slider, Training.TrainingSummary? training)
    {
        if (training is null || slider.IsNeutral) return null;
        var index = Changes().ToList().FindIndex(c => c.Group == slider.Group);
        return index >= 0 && index < training.Changes.Count ? training.Changes[index] : null;
    }

    /// <summary>The changes to apply, in the fixed order: feature sliders top to bottom, then the class slider.</summary>
    public IReadOnlyList<Resampling.DistributionChange> Changes() =>
        Sliders.Where(s => !s.IsClassSlider).Concat(Sliders.Where(s => s.IsClassSlider))
            .Select(s => s.ToChange()).OfType<Resampling.DistributionChange>().ToArray();
}
