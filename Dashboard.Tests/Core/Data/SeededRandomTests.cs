using Dashboard.Core.Common;

namespace Dashboard.Tests.Core.Data;

public class SeededRandomTests
{
    [Fact]
    public void NextDouble_SameSeed_SameSequence()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        var seqA = Enumerable.Range(0, 100).Select(_ => a.NextDouble()).ToArray();
        var seqB = Enumerable.Range(0, 100).Select(_ => b.NextDouble()).ToArray();
        var seqC = Enumerable.Range(0, 100).Select(_ => c.NextDouble()).ToArray();
        Assert.Equal(seqA, seqB);
        Assert.NotEqual(seqA, seqC);
        Assert.All(seqA, v => Assert.InRange(v, 0.0, 1.0 - 1e-18));
    }
}
