using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dashboard.Core.Resampling;

/// <summary>
/// One worker's block of queries for <see cref="NeighbourSearch"/>: each query broadcast into vectors,
/// with its best-k list in the shared table. The hot methods skip tiered compilation: a slider runs the
/// search a few times per session, too few for the JIT to promote them from its unoptimized first
/// tier, which is several times slower.
/// </summary>
internal sealed class NeighbourQueryBatch(NeighbourMatrix shape)
{
    /// <summary>Queries per block: enough to reuse a tile of reference rows from cache, few enough to spread blocks over cores.</summary>
    public const int Size = 32;
    private const int TileRows = 2048;
    /// <summary>Stands for "no coordinate in common": larger than any real distance, yet still ordered.</summary>
    private const float Unknown = float.MaxValue;

    private readonly int _numeric = shape.NumericCount;
    private readonly int _categorical = shape.CategoricalCount;
    private readonly Vector<float>[] _values = new Vector<float>[Size * shape.NumericCount];
    private readonly Vector<int>[] _codes = new Vector<int>[Size * shape.CategoricalCount];
    private readonly int[] _presentFeatures = new int[Size * shape.NumericCount];
    private readonly int[] _presentCount = new int[Size];
    private readonly int[] _self = new int[Size];
    private readonly Vector<float>[] _quad = new Vector<float>[4 * shape.NumericCount];
    private readonly Vector<int>[] _quadCodes = new Vector<int>[4 * shape.CategoricalCount];
    private readonly float[] _worst = new float[4];
    private readonly Vector<float>[] _sums = new Vector<float>[8];
    private NeighbourTable _table = null!;
    private int _first;
    private int _count;
    private bool _farthest;

    /// <param name="queryRows">Query i's row in <paramref name="queries"/>, or null for row i.</param>
    public void Load(NeighbourMatrix queries, int[]? queryRows, int first, int end, int[] selfRows, NeighbourTable table, bool farthest)
    {
        (_table, _first, _count, _farthest) = (table, first, end - first, farthest);
        table.SquaredDistances.AsSpan(first * table.K, _count * table.K).Fill(float.PositiveInfinity);
        table.Indices.AsSpan(first * table.K, _count * table.K).Fill(-1);
        for (var slot = 0; slot < _count; slot++)
        {
            var query = first + slot;
            _self[slot] = selfRows[query];
            var row = queryRows is null ? query : queryRows[query];
            var present = 0;
            for (var f = 0; f < _numeric; f++)
            {
                _values[slot * _numeric + f] = new Vector<float>(queries.Value(f, row));
                if (queries.IsPresent(f, row)) _presentFeatures[slot * _numeric + present++] = f;
            }
            _presentCount[slot] = present;
            for (var c = 0; c < _categorical; c++) _codes[slot * _categorical + c] = new Vector<int>(queries.Code(c, row));
        }
    }

    public void Search(NeighbourMatrix reference)
    {
        for (var tile = 0; tile < reference.Rows; tile += TileRows)
        {
            var tileEnd = Math.Min(reference.Rows, tile + TileRows);
            var slot = 0;
            for (; slot + 4 <= _count && reference.Present is null && IsDense(slot, 4); slot += 4) SearchFour(reference, tile, tileEnd, slot);
            for (; slot < _count; slot++) SearchOne(reference, tile, tileEnd, slot);
        }
        if (!_farthest) return;
        foreach (ref var key in _table.SquaredDistances.AsSpan(_first * _table.K, _count * _table.K)) key = -key;
    }

    private bool IsDense(int slot, int count)
    {
        for (var s = slot; s < slot + count; s++)
        {
            if (_presentCount[s] != _numeric) return false;
        }
        return true;
    }

    /// <summary>
    /// The fast path: four queries without gaps against a reference without gaps, 16 rows per step.
    /// Eight independent accumulators keep both FMA units busy; the four queries' values are
    /// interleaved per feature so one pointer walks them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchFour(NeighbourMatrix reference, int start, int end, int slot)
    {
        var stride = reference.Stride;
        var width = Vector<float>.Count;
        var penalty = new Vector<float>(reference.MismatchPenalty);
        ref var values = ref MemoryMarshal.GetArrayDataReference(reference.Values);
        ref var codes = ref MemoryMarshal.GetArrayDataReference(reference.Codes);
        Interleave(slot);
        ref var quad = ref MemoryMarshal.GetArrayDataReference(_quad);
        ref var quadCodes = ref MemoryMarshal.GetArrayDataReference(_quadCodes);
        for (var t = 0; t < 4; t++) _worst[t] = WorstKey(slot + t);
        for (var j = start; j < end; j += 2 * width)
        {
            SquaredDistances(ref Unsafe.Add(ref values, j), ref quad, _numeric, ref Unsafe.Add(ref codes, j), ref quadCodes, _categorical,
                stride, penalty, _sums);
            Offer(_sums[0], j, end, slot, ref _worst[0]);
            Offer(_sums[1], j, end, slot + 1, ref _worst[1]);
            Offer(_sums[2], j, end, slot + 2, ref _worst[2]);
            Offer(_sums[3], j, end, slot + 3, ref _worst[3]);
            Offer(_sums[4], j + width, end, slot, ref _worst[0]);
            Offer(_sums[5], j + width, end, slot + 1, ref _worst[1]);
            Offer(_sums[6], j + width, end, slot + 2, ref _worst[2]);
            Offer(_sums[7], j + width, end, slot + 3, ref _worst[3]);
        }
    }

    /// <summary>
    /// Squared distances of 16 rows (two vectors, from <paramref name="column"/> and <paramref name="codes"/>)
    /// to four queries, into <paramref name="sums"/> (low half q0..q3, then high half). A leaf method, so its
    /// eight accumulators live in registers for the whole loop instead of being spilled around the calls
    /// that follow.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void SquaredDistances(ref float column, ref Vector<float> query, int numeric, ref int codes, ref Vector<int> queryCodes,
        int categorical, int stride, Vector<float> penalty, Vector<float>[] sums)
    {
        var width = (nuint)Vector<float>.Count;
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<float> b0 = default, b1 = default, b2 = default, b3 = default;
        for (var f = 0; f < numeric; f++)
        {
            var low = Vector.LoadUnsafe(ref column);
            var high = Vector.LoadUnsafe(ref column, width);
            var v0 = query;
            var v1 = Unsafe.Add(ref query, 1);
            var v2 = Unsafe.Add(ref query, 2);
            var v3 = Unsafe.Add(ref query, 3);
            var d = low - v0; a0 = Vector.FusedMultiplyAdd(d, d, a0);
            d = low - v1; a1 = Vector.FusedMultiplyAdd(d, d, a1);
            d = low - v2; a2 = Vector.FusedMultiplyAdd(d, d, a2);
            d = low - v3; a3 = Vector.FusedMultiplyAdd(d, d, a3);
            d = high - v0; b0 = Vector.FusedMultiplyAdd(d, d, b0);
            d = high - v1; b1 = Vector.FusedMultiplyAdd(d, d, b1);
            d = high - v2; b2 = Vector.FusedMultiplyAdd(d, d, b2);
            d = high - v3; b3 = Vector.FusedMultiplyAdd(d, d, b3);
            column = ref Unsafe.Add(ref column, stride);
            query = ref Unsafe.Add(ref query, 4);
        }
        for (var c = 0; c < categorical; c++)
        {
            var low = Vector.LoadUnsafe(ref codes);
            var high = Vector.LoadUnsafe(ref codes, width);
            var v0 = queryCodes;
            var v1 = Unsafe.Add(ref queryCodes, 1);
            var v2 = Unsafe.Add(ref queryCodes, 2);
            var v3 = Unsafe.Add(ref queryCodes, 3);
            a0 += Vector.ConditionalSelect(Vector.Equals(low, v0), Vector<float>.Zero, penalty);
            a1 += Vector.ConditionalSelect(Vector.Equals(low, v1), Vector<float>.Zero, penalty);
            a2 += Vector.ConditionalSelect(Vector.Equals(low, v2), Vector<float>.Zero, penalty);
            a3 += Vector.ConditionalSelect(Vector.Equals(low, v3), Vector<float>.Zero, penalty);
            b0 += Vector.ConditionalSelect(Vector.Equals(high, v0), Vector<float>.Zero, penalty);
            b1 += Vector.ConditionalSelect(Vector.Equals(high, v1), Vector<float>.Zero, penalty);
            b2 += Vector.ConditionalSelect(Vector.Equals(high, v2), Vector<float>.Zero, penalty);
            b3 += Vector.ConditionalSelect(Vector.Equals(high, v3), Vector<float>.Zero, penalty);
            codes = ref Unsafe.Add(ref codes, stride);
            queryCodes = ref Unsafe.Add(ref queryCodes, 4);
        }
        (sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]) = (a0, a1, a2, a3, b0, b1, b2, b3);
    }

    /// <summary>The four queries' broadcast values and codes, feature by feature: [f0 q0, f0 q1, f0 q2, f0 q3, f1 q0, ...].</summary>
    private void Interleave(int slot)
    {
        for (var t = 0; t < 4; t++)
        {
            for (var f = 0; f < _numeric; f++) _quad[4 * f + t] = _values[(slot + t) * _numeric + f];
            for (var c = 0; c < _categorical; c++) _quadCodes[4 * c + t] = _codes[(slot + t) * _categorical + c];
        }
    }

    /// <summary><paramref name="sum"/> plus the SMOTE-NC penalty for each categorical feature where each of 8 reference rows differs from a query, added one feature at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector<float> AddMismatches(NeighbourMatrix reference, int j, int slot, Vector<float> sum)
    {
        var penalty = new Vector<float>(reference.MismatchPenalty);
        for (var c = 0; c < _categorical; c++)
        {
            var same = Vector.Equals(Vector.LoadUnsafe(ref reference.Codes[c * reference.Stride + j]), _codes[slot * _categorical + c]);
            sum += Vector.ConditionalSelect(same, Vector<float>.Zero, penalty);
        }
        return sum;
    }

    /// <summary>The general path: one query, gaps allowed on either side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchOne(NeighbourMatrix reference, int start, int end, int slot)
    {
        var stride = reference.Stride;
        ref var values = ref MemoryMarshal.GetArrayDataReference(reference.Values);
        ref var present = ref MemoryMarshal.GetArrayDataReference(reference.Present ?? []);
        ref var query = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), slot * _numeric);
        ref var features = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_presentFeatures), slot * _numeric);
        var gaps = reference.Present is not null;
        var count = _presentCount[slot];
        // Without gaps on either side, the same sums as SearchFour in the same order (no scaling, penalties added one by one),
        // so a query's neighbours never depend on whether its batch put it in a group of four.
        var dense = !gaps && count == _numeric;
        var numeric = new Vector<float>(_numeric);
        var worst = WorstKey(slot);
        for (var j = start; j < end; j += Vector<float>.Count)
        {
            Vector<float> sum = default, shared = default;
            for (var i = 0; i < count; i++)
            {
                var f = Unsafe.Add(ref features, i);
                var offset = (nuint)(f * stride + j);
                var difference = Vector.LoadUnsafe(ref values, offset) - Unsafe.Add(ref query, f);
                var mask = gaps ? Vector.LoadUnsafe(ref present, offset) : Vector<float>.One;
                sum = Vector.FusedMultiplyAdd(mask * difference, difference, sum);
                shared += mask;
            }
            if (_numeric > 0 && !dense)
            {
                // Scale up for the coordinates the two rows do not share; none shared is "unknown".
                var known = Vector.GreaterThan(shared, Vector<float>.Zero);
                sum = Vector.ConditionalSelect(known, sum * numeric / Vector.Max(shared, Vector<float>.One), new Vector<float>(Unknown));
            }
            if (_categorical > 0) sum = dense ? AddMismatches(reference, j, slot, sum) : sum + AddMismatches(reference, j, slot, Vector<float>.Zero);
            Offer(sum, j, end, slot, ref worst);
        }
    }

    private float WorstKey(int slot) => _table.SquaredDistances[(_first + slot + 1) * _table.K - 1];

    /// <summary>
    /// Merges 8 rows' distances into a query's sorted best-k list (keys negated when looking for the
    /// farthest). Most calls return at the vector compare; ties keep the earlier row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Offer(Vector<float> distances, int firstRow, int end, int slot, ref float worst)
    {
        var keys = _farthest ? -distances : distances;
        var better = LaneMask(Vector.LessThan(keys, new Vector<float>(worst)));
        if (better == 0) return;
        Insert(keys, better, firstRow, end, slot, ref worst);
    }

    /// <summary>One bit per lane that is all ones (the vector width is a constant, so the JIT keeps one branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint LaneMask(Vector<int> lanes) => Vector<int>.Count switch
    {
        4 => lanes.AsVector128().ExtractMostSignificantBits(),
        8 => lanes.AsVector256().ExtractMostSignificantBits(),
        _ => (uint)lanes.AsVector512().ExtractMostSignificantBits(),
    };

    /// <summary>Inserts the lanes that beat the k-th best, in row order; only those lanes are visited (a lane that did not beat it cannot beat it later, as it only shrinks).</summary>
    private void Insert(Vector<float> keys, uint better, int firstRow, int end, int slot, ref float worst)
    {
        var k = _table.K;
        var best = _table.SquaredDistances.AsSpan((_first + slot) * k, k);
        var indices = _table.Indices.AsSpan((_first + slot) * k, k);
        if (end - firstRow < Vector<float>.Count) better &= (1u << Math.Max(0, end - firstRow)) - 1; // lanes past the last row are padding
        for (; better != 0; better &= better - 1)
        {
            var lane = BitOperations.TrailingZeroCount(better);
            var key = keys[lane];
            var row = firstRow + lane;
            if (!(key < worst) || row == _self[slot]) continue;
            var position = k - 1;
            while (position > 0 && best[position - 1] > key)
            {
                best[position] = best[position - 1];
                indices[position] = indices[position - 1];
                position--;
            }
            best[position] = key;
            indices[position] = row;
            worst = best[k - 1];
        }
    }
}
