using System.Numerics.Tensors;
using Dashboard.Core.Common;
using Dashboard.Core.Training.Mlp;

namespace Dashboard.Tests.Core.Training;

/// <summary>The MLP's short multiply-add must be TensorPrimitives.MultiplyAdd's bits, so the MLP trains the same model as before.</summary>
public sealed class ShortKernelsTests
{
    [Fact]
    public void MultiplyAdd_SameBitsAsTensorPrimitives_AtEveryLength()
    {
        var random = new SeededRandom(9);
        for (var length = 0; length <= 130; length++)
        {
            var x = Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() - 0.5) * 1e3)).ToArray();
            var z = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var y = (float)(random.NextDouble() * 1e-2);
            var expected = (float[])z.Clone();
            TensorPrimitives.MultiplyAdd(x, y, expected, expected);

            ShortKernels.MultiplyAdd(x, y, z);

            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), z.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(64, 123)] // the default hidden layer on lending_club: the sums held in registers
    [InlineData(32, 30)]
    [InlineData(65, 10)]
    public void AffineRow_SameBitsAsAMultiplyAddPerInput(int units, int inputs)
    {
        var random = new SeededRandom(units);
        float Next() => (float)((random.NextDouble() - 0.5) * 10);
        var weights = Enumerable.Range(0, inputs * units).Select(_ => Next()).ToArray();
        var biases = Enumerable.Range(0, units).Select(_ => Next()).ToArray();
        var x = Enumerable.Range(0, inputs).Select(i => i % 3 == 0 ? 0 : Next()).ToArray();
        var nonZero = Enumerable.Range(0, inputs).Where(i => x[i] != 0).ToArray();
        var expected = (float[])biases.Clone();
        foreach (var k in nonZero) ShortKernels.MultiplyAdd(weights.AsSpan(k * units, units), x[k], expected);

        var z = new float[units];
        ShortKernels.AffineRow(weights, biases, x, nonZero, z);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), z.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void MultiplyAdd_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => ShortKernels.MultiplyAdd(new float[3], 1, new float[4]));
}
