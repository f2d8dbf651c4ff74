using System.Globalization;

namespace Dashboard.Core.Resampling;

/// <summary>Which way the class-balance slider moved the classes toward balance.</summary>
public enum ClassBalanceSide
{
    /// <summary>Left of neutral: rows of the majority class were removed (the slider's undersampling method).</summary>
    UndersampleMajority,

    /// <summary>Right of neutral: synthetic rows of the minority class were added (the slider's oversampling method).</summary>
    OversampleMinority,
}

/// <summary>
/// The class-balance slider with textbook semantics: one signed position from −1 to +1 whose both
/// sides raise the minority class's share, so a class sees "undersampling" and "SMOTE" as two roads
/// to the same 50/50.
/// <list type="bullet">
/// <item>0 is neutral: the training rows as in the data.</item>
/// <item>The minority's share aimed at is <c>n + |p| × (½ − n)</c>, where <c>n</c> is its share of the rows the
/// change meets (after any feature slider): ±1 reach 50/50, and the same |p| on either side reaches the same
/// share, so the two sides can be compared at equal balance.</item>
/// <item>Left (p &lt; 0): the MAJORITY class is undersampled to <c>1 − share</c> with the slider's undersampling
/// method; no minority row is touched.</item>
/// <item>Right (p &gt; 0): the MINORITY class is oversampled to <c>share</c> with the slider's oversampling method.</item>
/// </list>
/// Row counts come from the resampler's own arithmetic (<see cref="TargetCounts"/>), so they are exact.
/// </summary>
public static class ClassBalance
{
    public const double Min = -1;
    public const double Max = 1;

    /// <summary>The refusal for a position off the track, or null when it is on it.</summary>
    public static string? Problem(double position) =>
        double.IsFinite(position) && position >= Min && position <= Max
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"The class-balance position must be between -1 (undersample the majority until 50/50) and +1 (SMOTE the minority until 50/50), 0 being the data as it is; {position} was given.");

    /// <summary>The minority share a position aims at, from the minority's natural share (a balanced or majority class stays where it is).</summary>
    public static double MinorityShare(double naturalShare, double position) =>
        naturalShare >= 0.5 ? naturalShare : naturalShare + Math.Abs(position) * (0.5 - naturalShare);

    /// <summary>The position on the SMOTE side that aims at a minority share (the inverse of <see cref="MinorityShare"/>); 0 for a balanced class.</summary>
    public static double PositionFor(double naturalShare, double minorityShare) =>
        naturalShare >= 0.5 ? 0 : (minorityShare - naturalShare) / (0.5 - naturalShare);

    public static ClassBalanceSide? SideOf(double position) =>
        position < 0 ? ClassBalanceSide.UndersampleMajority : position > 0 ? ClassBalanceSide.OversampleMinority : null;

    /// <summary>
    /// The rows a position changes, before the resampler's caps: majority rows removed (left) or minority rows
    /// added (right), and the minority share reached. What a readout says while the thumb still moves.
    /// </summary>
    public static (int Removed, int Added, double MinorityShare) RowsFor(double position, int minorityRows, int majorityRows)
    {
        var total = minorityRows + majorityRows;
        if (total == 0 || position == 0 || minorityRows >= majorityRows) return (0, 0, total == 0 ? 0 : (double)minorityRows / total);
        var share = MinorityShare((double)minorityRows / total, position);
        if (position < 0)
        {
            var kept = (int)TargetCounts.GroupRowsFor(1 - share, minorityRows);
            return (majorityRows - kept, 0, (double)minorityRows / (minorityRows + kept));
        }
        var grown = (int)TargetCounts.GroupRowsFor(share, majorityRows);
        return (0, grown - minorityRows, (double)grown / (grown + majorityRows));
    }

    /// <summary>
    /// The plain change a balance change stands for, given the classes' rows as the change meets them: the
    /// majority class to <c>1 − share</c> (left) or the minority class to <c>share</c> (right). Null when there is
    /// nothing to do (neutral, or the named class is not the minority).
    /// </summary>
    internal static DistributionChange? Resolve(DistributionChange change, ClassGroup minority, ClassSplit counts)
    {
        var position = change.Balance ?? 0;
        var natural = counts.Total == 0 ? 0 : (double)counts.Of(minority.Label) / counts.Total;
        if (position == 0 || natural >= 0.5) return null;
        var share = MinorityShare(natural, position);
        return position < 0
            ? change with { Group = new ClassGroup(1 - minority.Label), TargetShare = 1 - share, Balance = null }
            : change with { TargetShare = share, Balance = null };
    }
}
