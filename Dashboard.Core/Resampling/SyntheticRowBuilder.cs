using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Resampling;

/// <summary>
/// Makes a batch of synthetic rows of one class, column by column, from base rows x, neighbours n and
/// steps u. Numeric features: x + u * (n - x); when one parent misses a value the other's is taken, so
/// a value is missing only when both parents miss it. Categorical features (SMOTE-NC): the most common
/// value among x's k neighbours, a tie going to the value of the nearest tied neighbour, missing values
/// not voting (x's own value when every neighbour misses it). Then the group's own value is put back,
/// so the rows stay in the group. Working column by column keeps the loops tight and lets the vote be
/// taken once per distinct base instead of once per row. The loops are compiled fully optimized on first
/// use (as the search kernel is): a session runs them a few times, too few for tiered compilation to promote them.
/// </summary>
internal static class SyntheticRowBuilder
{
    /// <param name="voters">The neighbour table of the bases; row <paramref name="voterRows"/>[i] holds new row i's base's neighbours, nearest first.</param>
    /// <param name="mismatchPenalty">For a numeric target: what a differing category adds to a squared distance (the search's), for SMOTER's target.</param>
    /// <param name="afterTargets">For a numeric target: a last touch (noise) given the first new id, after the targets are set and before the group's value is put back.</param>
    public static void Add(ChangeContext context, BoundGroup group, int label, int[] basePositions, int[] neighbourPositions, double[] steps,
        NeighbourTable voters, int[] voterRows, float mismatchPenalty = 0, Action<int>? afterTargets = null)
    {
        var work = context.Work;
        var count = basePositions.Length;
        var x = new int[count];
        var n = new int[count];
        var targets = new int[count];
        var realParents = true;
        for (var i = 0; i < count; i++)
        {
            x[i] = work.EntryAt(basePositions[i]);
            n[i] = work.EntryAt(neighbourPositions[i]);
            targets[i] = work.TargetSourceOf(x[i]);
            realParents &= (x[i] | n[i]) >= 0;
        }
        var store = work.Synthetic;
        var first = store.AddRows(label, x, n, steps, context.ChangeIndex, targets);
        // Features are independent of each other, so they are filled in parallel.
        if (realParents)
        {
            var parents = Parents.Of(x, n, work.Space.Data.RowCount);
            Parallel.For(0, work.Space.Numeric.Length, f => parents.Interpolate(work.Space.Numeric[f].Values, store.NumericValues(f).Slice(first, count), steps));
        }
        else
        {
            Parallel.For(0, work.Space.Numeric.Length, f => Interpolate(work.Space.Numeric[f].Values, store.NumericValues(f), first, x, n, steps));
        }
        Parallel.For(0, work.Space.Categorical.Length, c => Vote(work, c, store.Codes(c).Slice(first, count), x, voters, voterRows));
        var regression = work.Space.Data.Regression is not null;
        if (regression)
        {
            RegressionTargets.Interpolate(work, first, x, n, mismatchPenalty);
            afterTargets?.Invoke(first);
        }
        group.KeepGroupValue(store, first, count);
        if (regression) RegressionTargets.Relabel(work, first, count);
        context.AddSyntheticRows(first, count);
    }

    /// <summary>The general case: parents may be synthetic rows of an earlier change (entries ~id).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Interpolate(ReadOnlySpan<double> real, Span<double> synthetic, int first, int[] x, int[] n, double[] steps)
    {
        var output = synthetic.Slice(first, x.Length);
        for (var i = 0; i < output.Length; i++)
        {
            var xv = x[i] >= 0 ? real[x[i]] : synthetic[~x[i]];
            var nv = n[i] >= 0 ? real[n[i]] : synthetic[~n[i]];
            output[i] = Between(xv, nv, steps[i]);
        }
    }

    /// <summary>
    /// The distinct real rows that a batch's new rows are made from (a few thousand for tens of thousands of new rows),
    /// and each new row's parents as indices into them. Per feature their values are gathered once into a small array
    /// that stays in the first-level cache, instead of two reads per new row scattered over the whole column.
    /// </summary>
    private sealed class Parents
    {
        private readonly int[] _rows;
        private readonly int[] _x;
        private readonly int[] _n;

        private Parents(int[] rows, int[] x, int[] n) => (_rows, _x, _n) = (rows, x, n);

        public static Parents Of(int[] x, int[] n, int rowCount)
        {
            var slotOfRow = new int[rowCount]; // slot + 1; 0 = not seen yet
            var rows = new List<int>();
            var xs = new int[x.Length];
            var ns = new int[n.Length];
            for (var i = 0; i < x.Length; i++)
            {
                xs[i] = Slot(x[i]);
                ns[i] = Slot(n[i]);
            }
            return new Parents(rows.ToArray(), xs, ns);

            int Slot(int row)
            {
                ref var slot = ref slotOfRow[row];
                if (slot == 0)
                {
                    rows.Add(row);
                    slot = rows.Count;
                }
                return slot - 1;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Interpolate(ReadOnlySpan<double> real, Span<double> output, double[] steps)
        {
            var values = ArrayPool<double>.Shared.Rent(_rows.Length);
            for (var j = 0; j < _rows.Length; j++) values[j] = real[_rows[j]];
            for (var i = 0; i < output.Length; i++) output[i] = Between(values[_x[i]], values[_n[i]], steps[i]);
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>x + u * (n - x); a missing parent gives way to the other, so the result is missing only when both are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Between(double x, double n, double step) => double.IsNaN(x) ? n : double.IsNaN(n) ? x : x + step * (n - x);

    private static void Vote(WorkingSet work, int feature, Span<int> output, int[] x, NeighbourTable voters, int[] voterRows)
    {
        const int NotVoted = int.MinValue;
        var votes = new int[voters.Count];
        Array.Fill(votes, NotVoted);
        for (var i = 0; i < output.Length; i++)
        {
            ref var vote = ref votes[voterRows[i]];
            // The fallback (x's own value) is the same for every row of one base, so the vote is too.
            if (vote == NotVoted) vote = MostCommon(work, feature, voters.Row(voterRows[i]), work.CodeOf(feature, x[i]));
            output[i] = vote;
        }
    }

    private static int MostCommon(WorkingSet work, int feature, ReadOnlySpan<int> voters, int fallback)
    {
        var best = fallback;
        var bestVotes = 0;
        for (var i = 0; i < voters.Length; i++)
        {
            var code = work.CodeOf(feature, work.EntryAt(voters[i]));
            if (code < 0) continue;
            var votes = 0;
            foreach (var voter in voters)
            {
                if (work.CodeOf(feature, work.EntryAt(voter)) == code) votes++;
            }
            // Strictly more: on a tie the earlier (nearer) neighbour's value stands.
            if (votes > bestVotes) (best, bestVotes) = (code, votes);
        }
        return best;
    }
}
