using System.Runtime.CompilerServices;
using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>The draws the imbalance-aware ensembles repeat for every tree, bag or round.</summary>
internal static class BalancedSample
{
    /// <summary>
    /// imbalanced-learn's RandomUnderSampler (sampling_strategy="auto", no replacement): every minority entry of
    /// <paramref name="rows"/> and as many majority entries drawn at random. Entries are positions in a list that may
    /// hold a row twice (a bootstrap bag), so a repeated row may be drawn twice. A sample with one class is kept whole.
    /// </summary>
    public static int[] Undersample(IReadOnlyList<int> rows, IReadOnlyList<int> labels, SeededRandom random)
    {
        var positives = new List<int>();
        var negatives = new List<int>();
        foreach (var row in rows) (labels[row] == 1 ? positives : negatives).Add(row);
        if (positives.Count == 0 || negatives.Count == 0) return [.. rows];
        var (minority, majority) = positives.Count <= negatives.Count ? (positives, negatives) : (negatives, positives);
        var drawn = random.SampleWithoutReplacement(majority.Count, minority.Count);
        return [.. minority, .. drawn.Select(i => majority[i])];
    }

    /// <summary><paramref name="count"/> draws with replacement from <paramref name="rows"/> (a bootstrap sample).</summary>
    public static int[] Bootstrap(IReadOnlyList<int> rows, int count, SeededRandom random)
    {
        var drawn = new int[count];
        for (var i = 0; i < count; i++) drawn[i] = rows[random.NextInt(rows.Count)];
        return drawn;
    }

    /// <summary>
    /// <see cref="Distinct"/> of a bootstrap of all rows 0..<paramref name="rowCount"/>-1, with the same draws, counted
    /// instead of sorted: a forest draws one for every tree. <paramref name="draws"/> (null: as many as there are rows)
    /// draws fewer, as scikit-learn's max_samples.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // as TreeGrower: the first fits after start-up count too
    public static (int[] Rows, int[] Copies) DistinctBootstrap(int rowCount, SeededRandom random, int? draws = null)
    {
        var drawn = new int[rowCount];
        var count = Math.Min(draws ?? rowCount, rowCount);
        for (var i = 0; i < count; i++) drawn[random.NextInt(rowCount)]++;
        var rows = new List<int>(count);
        var copies = new List<int>(count);
        for (var row = 0; row < rowCount; row++)
        {
            if (drawn[row] == 0) continue;
            rows.Add(row);
            copies.Add(drawn[row]);
        }
        return ([.. rows], [.. copies]);
    }

    /// <summary>The distinct rows of a sample, in ascending order, and how many times each was drawn.</summary>
    public static (int[] Rows, int[] Copies) Distinct(int[] sample)
    {
        var sorted = (int[])sample.Clone();
        Array.Sort(sorted);
        var rows = new List<int>(sorted.Length);
        var copies = new List<int>(sorted.Length);
        foreach (var row in sorted)
        {
            if (rows.Count > 0 && rows[^1] == row) copies[^1]++;
            else
            {
                rows.Add(row);
                copies.Add(1);
            }
        }
        return ([.. rows], [.. copies]);
    }

    /// <summary>Each entry's class weight (negative rows, positive rows) from the run's class-weight option.</summary>
    public static double[] ClassWeights(int[] rows, IReadOnlyList<int> labels, (double Negative, double Positive) weights) =>
        Array.ConvertAll(rows, row => labels[row] == 1 ? weights.Positive : weights.Negative);

    /// <summary>Throws a clear message unless the training rows hold both classes: every ensemble here balances them.</summary>
    public static void RequireBothClasses(IReadOnlyList<int> labels, string algorithm)
    {
        var positives = labels.Count(l => l == 1);
        if (positives == 0 || positives == labels.Count)
        {
            throw new ArgumentException($"{algorithm} balances the two classes, but the training rows hold only one class ({labels.Count} rows). " +
                "Move the class-balance slider back or choose a data set whose training rows have both classes.", nameof(labels));
        }
    }
}
