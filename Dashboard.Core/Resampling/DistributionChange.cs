namespace Dashboard.Core.Resampling;

/// <summary>
/// One slider position: move a focus group to <paramref name="TargetShare"/> of the training rows.
/// Left of the group's current share it is undersampled with <paramref name="Under"/>, right of it
/// oversampled with <paramref name="Over"/> using <paramref name="K"/> nearest neighbours.
/// </summary>
public sealed record DistributionChange(
    FocusGroup Group,
    double TargetShare,
    UndersamplingMethod Under = UndersamplingMethod.Random,
    OversamplingMethod Over = OversamplingMethod.Smote,
    int K = 5)
{
    /// <summary>A cleaning pass after the move (class groups only); set by the SMOTE + Tomek and SMOTE + ENN presets.</summary>
    public CleaningMethod CleanAfter { get; init; } = CleaningMethod.None;

    /// <summary>
    /// Set on the class-balance slider's change: its signed position (−1 … +1, see <see cref="ClassBalance"/>). The
    /// group is then the MINORITY class and <see cref="TargetShare"/> is not read: the share follows from the position
    /// and the classes' rows when the change runs, and the left side undersamples the other (majority) class.
    /// </summary>
    public double? Balance { get; init; }

    /// <summary>The class-balance slider's change: the classes toward 50/50 (left: undersample the majority; right: oversample the minority).</summary>
    /// <param name="minority">The minority class (the slider's group).</param>
    public static DistributionChange TowardBalance(ClassGroup minority, double position, UndersamplingMethod under = UndersamplingMethod.Random,
        OversamplingMethod over = OversamplingMethod.Smote, int k = 5) =>
        new(minority, 0.5, under, over, k) { Balance = position };

    /// <summary>Neighbours that NearMiss and ENN look at (imbalanced-learn's default 3); Tomek links always use the nearest one.</summary>
    public int UnderK { get; init; } = 3;

    /// <summary>SMOTE to the target share, then removal of every Tomek link (imbalanced-learn's SMOTETomek).</summary>
    public static DistributionChange SmoteTomek(FocusGroup group, double targetShare, int k = 5) =>
        new(group, targetShare, K: k) { CleanAfter = CleaningMethod.TomekLinks };

    /// <summary>SMOTE to the target share, then edited nearest neighbours on both classes (imbalanced-learn's SMOTEENN).</summary>
    public static DistributionChange SmoteEnn(FocusGroup group, double targetShare, int k = 5) =>
        new(group, targetShare, K: k) { CleanAfter = CleaningMethod.EditedNearestNeighbours };
}
