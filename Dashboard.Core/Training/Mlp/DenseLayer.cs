using System.Numerics.Tensors;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// A fully connected layer: where its weights and biases sit in the network's flat parameter vector, and the
/// three batch kernels of training (forward, weight gradient, gradient to the input).
/// </summary>
/// <remarks>
/// Weights are stored input-major: row <c>k</c> holds input <c>k</c>'s weights to every unit. Then the forward
/// pass and the weight gradient are runs of contiguous multiply-adds over a row of units, which lets them
/// skip zero inputs (most of a one-hot row, about half of a ReLU layer's output) and means no kernel sums a
/// vector in an order that depends on the CPU's vector width. Element-wise TensorPrimitives calls give the
/// same bits with AVX2 or AVX-512; a horizontal sum such as TensorPrimitives.Dot would not.
/// </remarks>
internal readonly record struct DenseLayer(int Inputs, int Units, int Offset)
{
    public int WeightCount => Inputs * Units;

    public int ParameterCount => WeightCount + Units;

    public Span<float> Weights(Span<float> parameters) => parameters.Slice(Offset, WeightCount);

    public Span<float> Biases(Span<float> parameters) => parameters.Slice(Offset + WeightCount, Units);

    /// <summary><paramref name="output"/> = input x W + b, for the first <paramref name="rows"/> rows.</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, Span<float> output)
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
                z[0] = biases[0] + DotInOrder(x, weights);
                continue;
            }
            biases.CopyTo(z);
            for (var k = 0; k < Inputs; k++)
            {
                var xk = x[k];
                if (xk != 0) TensorPrimitives.MultiplyAdd(weights.Slice(k * Units, Units), xk, z, z);
            }
        }
    }

    /// <summary>Adds this layer's weight and bias gradients (input transposed x output gradient, and its column sums) into <paramref name="gradients"/>.</summary>
    public void AccumulateGradients(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, int rows, Span<float> gradients)
    {
        var weightGradients = Weights(gradients);
        var biasGradients = Biases(gradients);
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Inputs, Inputs);
            var d = outputGradient.Slice(r * Units, Units);
            if (Units == 1)
            {
                // W is a column here, so its gradient is one multiply-add over the whole input row.
                biasGradients[0] += d[0];
                TensorPrimitives.MultiplyAdd(x, d[0], weightGradients, weightGradients);
                continue;
            }
            TensorPrimitives.Add(biasGradients, d, biasGradients);
            for (var k = 0; k < Inputs; k++)
            {
                var xk = x[k];
                if (xk != 0)
                {
                    var row = weightGradients.Slice(k * Units, Units);
                    TensorPrimitives.MultiplyAdd(d, xk, row, row);
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="inputGradient"/> = output gradient x W transposed. <paramref name="scratch"/> needs
    /// <see cref="WeightCount"/> floats: W is transposed into it once per batch so each unit's weights are contiguous.
    /// </summary>
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
                if (d[u] != 0) TensorPrimitives.MultiplyAdd(byUnit.Slice(u * Inputs, Inputs), d[u], dx, dx);
            }
        }
    }

    /// <summary>A dot product summed strictly left to right, so its bits do not depend on the vector width.</summary>
    private static float DotInOrder(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
