using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// A fully connected layer: where its weights and biases sit in the network's flat parameter vector, and the
/// three batch kernels of training (forward, weight gradient, gradient to the input).
/// </summary>
/// <remarks>
/// Weights are stored input-major: row <c>k</c> holds input <c>k</c>'s weights to every unit. Then the forward
/// pass and the weight gradient are runs of contiguous multiply-adds over a row of units, one per non-zero
/// input (see <see cref="NonZeroColumns"/>), and no kernel sums a vector in an order that depends on the
/// CPU's vector width: element-wise kernels (TensorPrimitives, <see cref="ShortKernels"/>) give the same bits with AVX2
/// or AVX-512, where a horizontal sum such as TensorPrimitives.Dot would not.
/// <para>
/// The hot loops here and in the callers are marked AggressiveOptimization: otherwise the first fit of a
/// process runs them as unoptimised tier-0 code until tiering catches up, which cost about 0.3 s of a
/// 7,400-row fit; the first fit is the one a class watches.
/// </para>
/// </remarks>
internal readonly record struct DenseLayer(int Inputs, int Units, int Offset)
{
    public int WeightCount => Inputs * Units;

    public int ParameterCount => WeightCount + Units;

    public Span<float> Weights(Span<float> parameters) => parameters.Slice(Offset, WeightCount);

    public Span<float> Biases(Span<float> parameters) => parameters.Slice(Offset + WeightCount, Units);

    /// <summary><paramref name="output"/> = input x W + b, for the first <paramref name="rows"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, NonZeroColumns nonZero, int rows, Span<float> output)
    {
        var weights = parameters.Slice(Offset, WeightCount);
        var biases = parameters.Slice(Offset + WeightCount, Units);
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Inputs, Inputs);
            var z = output.Slice(r * Units, Units);
            if (Units == 1)
            {
                // The output unit: a multiply-add of length 1 per input would be all call overhead.
                var sum = biases[0];
                foreach (var k in nonZero.Row(r)) sum += x[k] * weights[k];
                z[0] = sum;
                continue;
            }
            ShortKernels.AffineRow(weights, biases, x, nonZero.Row(r), z);
        }
    }

    /// <summary>Adds this layer's weight and bias gradients (input transposed x output gradient, and its column sums) into <paramref name="gradients"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AccumulateGradients(ReadOnlySpan<float> input, NonZeroColumns nonZero, ReadOnlySpan<float> outputGradient, int rows, Span<float> gradients)
    {
        var weightGradients = Weights(gradients);
        var biasGradients = Biases(gradients);
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Inputs, Inputs);
            var d = outputGradient.Slice(r * Units, Units);
            if (Units == 1)
            {
                biasGradients[0] += d[0];
                foreach (var k in nonZero.Row(r)) weightGradients[k] += x[k] * d[0];
                continue;
            }
            TensorPrimitives.Add(biasGradients, d, biasGradients);
            foreach (var k in nonZero.Row(r))
            {
                var row = weightGradients.Slice(k * Units, Units);
                ShortKernels.MultiplyAdd(d, x[k], row);
            }
        }
    }

    /// <summary>
    /// <paramref name="inputGradient"/> = output gradient x W transposed. <paramref name="scratch"/> needs
    /// <see cref="WeightCount"/> floats: W is transposed into it once per batch so each unit's weights are contiguous.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PropagateToInput(ReadOnlySpan<float> parameters, ReadOnlySpan<float> outputGradient, int rows, Span<float> inputGradient, Span<float> scratch)
    {
        ReadOnlySpan<float> byUnit = parameters.Slice(Offset, WeightCount);
        if (Units > 1)
        {
            // A single output unit's column is already contiguous; wider layers need the transpose.
            for (var k = 0; k < Inputs; k++)
            {
                for (var u = 0; u < Units; u++) scratch[u * Inputs + k] = byUnit[k * Units + u];
            }
            byUnit = scratch[..WeightCount];
        }
        for (var r = 0; r < rows; r++)
        {
            var d = outputGradient.Slice(r * Units, Units);
            var dx = inputGradient.Slice(r * Inputs, Inputs);
            dx.Clear();
            for (var u = 0; u < Units; u++)
            {
                if (d[u] != 0) ShortKernels.MultiplyAdd(byUnit.Slice(u * Inputs, Inputs), d[u], dx);
            }
        }
    }
}
