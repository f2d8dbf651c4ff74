namespace Dashboard.Core.Resampling;

/// <summary>
/// Makes one synthetic row from a base row x, a neighbour n and a step u, reusing its buffers for
/// every row. Numeric features: x + u * (n - x); when one parent misses a value the other's is taken,
/// so a value is missing only when both parents miss it. Categorical features (SMOTE-NC): the most
/// common value among x's k neighbours, a tie going to the value of the nearest tied neighbour,
/// missing values not voting (x's own value when every neighbour misses it). Then the group's own
/// value is put back, so the row stays in the group.
/// </summary>
internal sealed class SyntheticRowBuilder(ChangeContext context, BoundGroup group, int label)
{
    private readonly WorkingSet _work = context.Work;
    private readonly double[] _numeric = new double[context.Work.Space.Numeric.Length];
    private readonly int[] _codes = new int[context.Work.Space.Categorical.Length];

    /// <param name="voters">The base's k nearest neighbours (positions), nearest first.</param>
    public void Add(int basePosition, int neighbourPosition, double step, ReadOnlySpan<int> voters)
    {
        var x = _work.EntryAt(basePosition);
        var n = _work.EntryAt(neighbourPosition);
        for (var f = 0; f < _numeric.Length; f++)
        {
            var xv = _work.NumericOf(f, x);
            var nv = _work.NumericOf(f, n);
            _numeric[f] = double.IsNaN(xv) ? nv : double.IsNaN(nv) ? xv : xv + step * (nv - xv);
        }
        for (var c = 0; c < _codes.Length; c++) _codes[c] = MostCommon(c, voters, _work.CodeOf(c, x));
        group.KeepGroupValue(_numeric, _codes);
        var id = _work.Synthetic.Add(label, x, n, step, context.ChangeIndex, _work.TargetSourceOf(x), _numeric, _codes);
        context.AddRow(~id);
    }

    private int MostCommon(int feature, ReadOnlySpan<int> voters, int fallback)
    {
        var best = fallback;
        var bestVotes = 0;
        for (var i = 0; i < voters.Length; i++)
        {
            var code = _work.CodeOf(feature, _work.EntryAt(voters[i]));
            if (code < 0) continue;
            var votes = 0;
            foreach (var voter in voters)
            {
                if (_work.CodeOf(feature, _work.EntryAt(voter)) == code) votes++;
            }
            // Strictly more: on a tie the earlier (nearer) neighbour's value stands.
            if (votes > bestVotes) (best, bestVotes) = (code, votes);
        }
        return best;
    }
}
