using Dashboard.Core.Resampling;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One distribution slider: its focus group, where it stands and the methods it uses. A null
/// <see cref="TargetShare"/> is the neutral position (the group's own share: no resampling).
/// </summary>
public sealed record SliderState(
    string Id,
    FocusGroup Group,
    double? TargetShare = null,
    UndersamplingMethod Under = UndersamplingMethod.Random,
    OversamplingMethod Over = OversamplingMethod.Smote,
    int K = 5)
{
    public bool IsClassSlider => Group is ClassGroup;

    /// <summary>The change this slider asks for, or null at its neutral position.</summary>
    public DistributionChange? ToChange() =>
        TargetShare is { } share ? new DistributionChange(Group, share, Under, Over, K) : null;
}
