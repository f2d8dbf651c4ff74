using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// The MLP's innermost multiply-add, z = x·y + z over one row of a layer's units (64 by default), written out for short
/// spans. TensorPrimitives.MultiplyAdd computes the same thing but is a general entry point (length and overlap
/// checks, dispatch on vector width, remainder handling) whose fixed cost was about as large as the work at this length,
/// and the forward pass and the weight gradients call it once per non-zero input of every row of every batch.
/// </summary>
/// <remarks>
/// Element-wise and unfused (the product rounded to float, then the sum), as TensorPrimitives.MultiplyAdd is, so the
/// results are the same bits on any vector width (ShortKernelsTests compares them).
/// </remarks>
internal static class ShortKernels
{
    /// <summary><paramref name="z"/>[i] = <paramref name="x"/>[i] · <paramref name="y"/> + <paramref name="z"/>[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, float y, Span<float> z)
    {
        if (x.Length != z.Length) throw new ArgumentException("x and z must have the same length.");
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var zs = ref MemoryMarshal.GetReference(z);
        var n = (nuint)x.Length;
        nuint i = 0;
        if (Vector.IsHardwareAccelerated && n >= (nuint)Vector<float>.Count)
        {
            var factor = new Vector<float>(y);
            var last = n - (nuint)Vector<float>.Count;
            for (; i <= last; i += (nuint)Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref xs, i) * factor + Vector.LoadUnsafe(ref zs, i)).StoreUnsafe(ref zs, i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref zs, i) = Unsafe.Add(ref xs, i) * y + Unsafe.Add(ref zs, i);
    }

    /// <summary>
    /// One row of a layer: <paramref name="z"/> = <paramref name="biases"/>, then for each input k in
    /// <paramref name="nonZero"/> in turn, z = weights[k]·x[k] + z — the same operations in the same order as a
    /// <see cref="MultiplyAdd"/> per input, so the same bits. At the default 64 units (eight vectors of eight floats)
    /// the row's sums stay in registers from the first input to the last instead of going through memory at every input:
    /// the forward pass was half of the MLP's fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AffineRow(ReadOnlySpan<float> weights, ReadOnlySpan<float> biases, ReadOnlySpan<float> x, ReadOnlySpan<int> nonZero, Span<float> z)
    {
        var units = z.Length;
        if (biases.Length != units || weights.Length != x.Length * units) throw new ArgumentException("The weights must be inputs x units, the biases one per unit.");
        if (!Vector.IsHardwareAccelerated || units != 8 * Vector<float>.Count)
        {
            biases.CopyTo(z);
            foreach (var k in nonZero) MultiplyAdd(weights.Slice(k * units, units), x[k], z);
            return;
        }
        var width = (nuint)Vector<float>.Count;
        ref var b = ref MemoryMarshal.GetReference(biases);
        var (a0, a1, a2, a3) = (Vector.LoadUnsafe(ref b, 0), Vector.LoadUnsafe(ref b, width), Vector.LoadUnsafe(ref b, 2 * width), Vector.LoadUnsafe(ref b, 3 * width));
        var (a4, a5, a6, a7) = (Vector.LoadUnsafe(ref b, 4 * width), Vector.LoadUnsafe(ref b, 5 * width), Vector.LoadUnsafe(ref b, 6 * width), Vector.LoadUnsafe(ref b, 7 * width));
        ref var w0 = ref MemoryMarshal.GetReference(weights);
        foreach (var k in nonZero)
        {
            if ((uint)k >= (uint)x.Length) throw new ArgumentOutOfRangeException(nameof(nonZero));
            var factor = new Vector<float>(x[k]);
            ref var w = ref Unsafe.Add(ref w0, k * units);
            a0 = Vector.LoadUnsafe(ref w, 0) * factor + a0;
            a1 = Vector.LoadUnsafe(ref w, width) * factor + a1;
            a2 = Vector.LoadUnsafe(ref w, 2 * width) * factor + a2;
            a3 = Vector.LoadUnsafe(ref w, 3 * width) * factor + a3;
            a4 = Vector.LoadUnsafe(ref w, 4 * width) * factor + a4;
            a5 = Vector.LoadUnsafe(ref w, 5 * width) * factor + a5;
            a6 = Vector.LoadUnsafe(ref w, 6 * width) * factor + a6;
            a7 = Vector.LoadUnsafe(ref w, 7 * width) * factor + a7;
        }
        ref var o = ref MemoryMarshal.GetReference(z);
        a0.StoreUnsafe(ref o, 0);
        a1.StoreUnsafe(ref o, width);
        a2.StoreUnsafe(ref o, 2 * width);
        a3.StoreUnsafe(ref o, 3 * width);
        a4.StoreUnsafe(ref o, 4 * width);
        a5.StoreUnsafe(ref o, 5 * width);
        a6.StoreUnsafe(ref o, 6 * width);
        a7.StoreUnsafe(ref o, 7 * width);
    }
}
