namespace Dashboard.Core.Resampling;

/// <summary>
/// What one change did: the group's size and share before and after, rows added and removed, the
/// methods and k actually used, how neighbours were searched, and every guard rail that fired.
/// </summary>
/// <param name="RequestedShare">The share the slider asked for.</param>
/// <param name="TargetShare">The share aimed at after clamping (equal to the request unless a <see cref="ResamplingWarningKind.ShareClamped"/> warning says otherwise).</param>
/// <param name="Method">The methods actually used, e.g. "SMOTE-NC" or "SMOTE-NC + random oversampling"; "none" when nothing moved.</param>
/// <param name="KUsed">The smallest k used for neighbours, or null when no neighbours were needed.</param>
public sealed record ChangeReport(
    int Index,
    string Group,
    double RequestedShare,
    double TargetShare,
    ClassSplit GroupBefore,
    ClassSplit GroupAfter,
    ClassSplit TrainingBefore,
    ClassSplit TrainingAfter,
    int RowsAdded,
    int RowsRemoved,
    string Method,
    int? KUsed,
    NeighbourSearchKind Search,
    IReadOnlyList<ResamplingWarning> Warnings)
{
    /// <summary>Rows whose nearest (or farthest) neighbours were searched by brute force in this change.</summary>
    public int NeighboursSearched { get; init; }

    /// <summary>Rows whose neighbours came from the session's <see cref="NeighbourCache"/> (searched by an earlier call), so the readout can say so.</summary>
    public int NeighboursReused { get; init; }

    /// <summary>
    /// Set on the class-balance slider's report: the side it moved (majority rows removed, or minority rows added).
    /// The report's group and shares are then the MINORITY class's, whichever class lost or gained rows.
    /// </summary>
    public ClassBalanceSide? Side { get; init; }

    public double ShareBefore => (double)GroupBefore.Total / TrainingBefore.Total;

    public double ShareAfter => (double)GroupAfter.Total / TrainingAfter.Total;

    public bool Clamped => Warnings.Any(w => w.Kind == ResamplingWarningKind.ShareClamped);
}
