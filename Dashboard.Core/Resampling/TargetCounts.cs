namespace Dashboard.Core.Resampling;

/// <summary>The exact row counts behind a slider position.</summary>
internal static class TargetCounts
{
    /// <summary>
    /// Group rows that give the group share <paramref name="share"/> next to <paramref name="rest"/> other rows:
    /// round(s * r / (1 - s)), halves rounded away from zero (so 2.5 rows become 3, never a banker's 2).
    /// </summary>
    public static long GroupRowsFor(double share, int rest) =>
        (long)Math.Round(share * rest / (1 - share), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> by largest remainder
    /// (Hamilton), in exact integer arithmetic. Leftover rows go to the largest remainders, then to the
    /// larger weight, then to the earlier index, so the split is deterministic.
    /// </summary>
    public static int[] Apportion(int total, IReadOnlyList<int> weights)
    {
        long sum = weights.Sum(w => (long)w);
        var shares = new int[weights.Count];
        if (sum == 0 || total == 0) return shares;
        var remainders = new long[weights.Count];
        var given = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (int)(total * (long)weights[i] / sum);
            remainders[i] = total * (long)weights[i] % sum;
            given += shares[i];
        }
        var order = Enumerable.Range(0, shares.Length)
            .OrderByDescending(i => remainders[i]).ThenByDescending(i => weights[i]).ThenBy(i => i);
        foreach (var i in order.Take(total - given)) shares[i]++;
        return shares;
    }
}
