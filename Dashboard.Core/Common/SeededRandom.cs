namespace Dashboard.Core.Common;

/// <summary>
/// A small, fast, seeded pseudo-random generator (xoshiro256** seeded through SplitMix64).
/// Every random choice in the product comes from one of these, so the same seed gives the same
/// numbers on every machine that runs the same build (System.Random's algorithm is an
/// implementation detail we do not want results to depend on).
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Derives an independent stream for a named purpose, so adding a draw in one place does not shift another's.</summary>
    public static SeededRandom For(long seed, string purpose)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }
        return new SeededRandom(unchecked(seed * 31 + (long)h));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = unchecked(x += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        // Lemire's multiply-shift; the tiny bias for huge bounds does not matter at our sizes.
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Picks <paramref name="count"/> distinct indices from [0, n) in random order.</summary>
    public int[] SampleWithoutReplacement(int n, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        var all = new int[n];
        for (var i = 0; i < n; i++) all[i] = i;
        // Partial Fisher-Yates: only the first `count` positions are needed.
        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all[..count];
    }
}
