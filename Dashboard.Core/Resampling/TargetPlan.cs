using System.Globalization;

namespace Dashboard.Core.Resampling;

/// <summary>How many group rows a change aims at, after clamping the asked share to what can be reached.</summary>
internal readonly record struct TargetPlan(int GroupRows, double Share)
{
    /// <param name="group">Group rows now.</param>
    /// <param name="rest">Other training rows now (at least 1).</param>
    public static TargetPlan For(ChangeContext context, double requested, int group, int rest)
    {
        var options = context.Options;
        var current = (double)group / (group + rest);
        var share = requested;
        var clamped = false;
        if (share > current && share > options.MaxShare)
        {
            share = Math.Max(options.MaxShare, current);
            clamped = true;
            context.Warn(ResamplingWarningKind.ShareClamped,
                $"A group can be at most {Percent(options.MaxShare)} of the training rows; {Percent(requested)} was asked, {Percent(share)} is used.");
        }
        var target = share <= 0 ? 0 : TargetCounts.GroupRowsFor(share, rest);
        if (target < 1)
        {
            target = 1;
            clamped = true;
            context.Warn(ResamplingWarningKind.ShareClamped,
                $"At least one row of the group must stay: {Percent(requested)} was asked, the smallest reachable share is {Percent(1.0 / (1 + rest))} (1 row).");
        }
        var budget = options.MaxSyntheticRows - context.Work.Synthetic.Count;
        if (target - group > budget)
        {
            target = group + Math.Max(0, budget);
            clamped = true;
            context.Warn(ResamplingWarningKind.ShareClamped, string.Create(CultureInfo.InvariantCulture,
                $"At most {options.MaxSyntheticRows:N0} synthetic rows can be made; the group stops at {target:N0} rows ({Percent((double)target / (target + rest))}) instead of {Percent(requested)}."));
        }
        return new TargetPlan((int)target, clamped ? (double)target / (target + rest) : requested);
    }

    private static string Percent(double share) => share.ToString("0.##%", CultureInfo.InvariantCulture);
}
