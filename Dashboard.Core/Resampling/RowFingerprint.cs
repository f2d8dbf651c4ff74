namespace Dashboard.Core.Resampling;

/// <summary>
/// A 64-bit hash of a row-index list, order and length included. Only a quick first test: the cache
/// compares the lists themselves before it trusts a match, so a collision can never return wrong rows.
/// </summary>
internal static class RowFingerprint
{
    public static ulong Of(ReadOnlySpan<int> rows)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)rows.Length;
        foreach (var row in rows) hash = Mix(hash ^ (uint)row);
        return hash;
    }

    /// <summary>SplitMix64's finalizer: every input bit moves about half the output bits.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
