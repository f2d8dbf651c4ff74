using System.Numerics.Tensors;
using Dashboard.Core.Common;
using Dashboard.Core.Training.Mlp;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The fused Adam step must give the same bits as the whole-array TensorPrimitives passes it replaced (kept below as
/// the reference), so an MLP trained with it is the same model as before, and must leave the gradients at zero.
/// </summary>
public sealed class AdamOptimizerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(37)] // not a multiple of any vector width: the scalar tail runs too
    [InlineData(8_001)]
    public void StepAndClear_SameBitsAsTheSeparatePasses_GradientsZeroed(int count)
    {
        var random = new SeededRandom(5);
        var parameters = Enumerable.Range(0, count).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        var expected = (float[])parameters.Clone();
        var adam = new AdamOptimizer(count, 0.003);
        var reference = new ReferenceAdam(count, 0.003);

        for (var step = 0; step < 25; step++)
        {
            var gradients = Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.NextInt(6) - 3))).ToArray();
            reference.Step(expected, gradients);
            adam.StepAndClear(parameters, gradients);

            Assert.All(gradients, g => Assert.Equal(0f, g));
        }
        for (var i = 0; i < count; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(parameters[i]), $"parameter {i}: {expected[i]:R} vs {parameters[i]:R}");
        }
        Assert.Contains(parameters, p => p != 0);
    }

    /// <summary>The step as it was before the fused loop: nine TensorPrimitives passes over the whole arrays.</summary>
    private sealed class ReferenceAdam(int count, double learningRate)
    {
        private readonly float[] _m = new float[count], _v = new float[count], _scratch = new float[count];
        private double _beta1Power = 1, _beta2Power = 1;

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
            TensorPrimitives.Multiply(_m, beta1, _m);
            TensorPrimitives.MultiplyAdd(gradients, 1 - beta1, _m, _m);
            TensorPrimitives.Multiply(gradients, gradients, _scratch);
            TensorPrimitives.Multiply(_v, beta2, _v);
            TensorPrimitives.MultiplyAdd(_scratch, 1 - beta2, _v, _v);
            _beta1Power *= beta1;
            _beta2Power *= beta2;
            var stepSize = (float)(learningRate * Math.Sqrt(1 - _beta2Power) / (1 - _beta1Power));
            TensorPrimitives.Sqrt(_v, _scratch);
            TensorPrimitives.Add(_scratch, epsilon, _scratch);
            TensorPrimitives.Divide(_m, _scratch, _scratch);
            TensorPrimitives.MultiplyAdd(_scratch, -stepSize, parameters, parameters);
        }
    }
}
