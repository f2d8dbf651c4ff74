using System.Text.Json.Serialization;
using Dashboard.Core.Resampling;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One distribution slider: its focus group, where it stands and the methods it uses. A null
/// <see cref="TargetShare"/> is the neutral position (the group's own share: no resampling).
/// </summary>
/// <remarks>
/// The class slider has two meanings. By default it is the class-balance track (<see cref="Balance"/> set:
/// left undersamples the majority, right SMOTEs the minority, both toward 50/50; see <see cref="ClassBalance"/>).
/// Once its class is set explicitly ("Focus group and methods") it is the free control: <see cref="TargetShare"/>
/// moves that class to any share, as feature sliders move their groups.
/// </remarks>
public sealed record SliderState(
    string Id,
    FocusGroup Group,
    double? TargetShare = null,
    UndersamplingMethod Under = UndersamplingMethod.Random,
    OversamplingMethod Over = OversamplingMethod.Smote,
    int K = 5)
{
    /// <summary>
    /// The class-balance track's position, −1 (majority undersampled to 50/50) … 0 (as in the data) … +1 (minority
    /// SMOTEd to 50/50), when this is the class slider with textbook semantics (its group is then the minority
    /// class); null for a slider that moves its group to <see cref="TargetShare"/>.
    /// </summary>
    public double? Balance { get; init; }

    /// <summary>
    /// Set by storage (never stored itself) on a class slider kept before the class slider had two sides: its
    /// <see cref="TargetShare"/> still has the old meaning, and the room moves it onto the balance track once it
    /// knows the class's natural share (<see cref="MigratedOnto"/>).
    /// </summary>
    [JsonIgnore]
    public bool StoredBeforeBalance { get; init; }

    /// <summary>True for the slider on the target: its classes, or for a numeric target its rare values (the rare/common
    /// labels are classes to the engine) or a range of its values the user picked.</summary>
    public bool IsClassSlider => Group is ClassGroup or TargetRangeGroup;

    /// <summary>True for the class slider with textbook semantics (a signed position toward balance).</summary>
    public bool IsBalanceTrack => Balance is not null;

    /// <summary>True at the neutral position: no resampling.</summary>
    public bool IsNeutral => Balance is { } position ? position == 0 : TargetShare is null;

    /// <summary>The feature column the slider acts on (null for the class slider).</summary>
    public string? Column => Group switch
    {
        CategoryGroup c => c.Column,
        NumericRangeGroup r => r.Column,
        _ => null,
    };

    /// <summary>How the slider is named on screen: its column, or "class balance".</summary>
    public string Label => Column ?? "class balance";

    /// <summary>The change this slider asks for, or null at its neutral position.</summary>
    public DistributionChange? ToChange() => Balance switch
    {
        0 => null,
        { } position when Group is ClassGroup minority => DistributionChange.TowardBalance(minority, position, Under, Over, K),
        _ => TargetShare is { } share ? new DistributionChange(Group, share, Under, Over, K) : null,
    };

    /// <summary>The class-balance track at neutral for a minority class: how every room's class slider starts.</summary>
    public static SliderState BalanceTrack(string id, ClassGroup minority) => new(id, minority) { Balance = 0 };

    /// <summary>
    /// A class slider stored before the class slider had two sides, read today. Its old meaning was "the class to
    /// this share" (left of neutral undersampled that class). On the minority: neutral stays neutral on the balance
    /// track, a share above the natural one (up to 50 %) is the same SMOTE move on the track's right side; a share
    /// below it (the minority undersampled) or above 50 %, or a slider set to the majority class, keeps its old
    /// meaning as the free control, so the run it was made with is still reproduced.
    /// </summary>
    /// <param name="minority">The split's minority class.</param>
    /// <param name="naturalShare">The minority's share of the training rows as in the data.</param>
    public SliderState MigratedOnto(ClassGroup minority, double naturalShare)
    {
        var free = this with { StoredBeforeBalance = false, Balance = null };
        if (Group != minority) return free;
        return TargetShare switch
        {
            null => free with { Balance = 0 },
            { } share when share > naturalShare && share <= 0.5 => free with { TargetShare = null, Balance = ClassBalance.PositionFor(naturalShare, share) },
            _ => free,
        };
    }
}
