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

    [Fact]
    public void MultiplyAdd_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => ShortKernels.MultiplyAdd(new float[3], 1, new float[4]));
}
