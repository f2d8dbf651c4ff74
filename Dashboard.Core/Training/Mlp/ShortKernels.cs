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
}
