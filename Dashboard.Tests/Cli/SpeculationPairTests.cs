using Dashboard.Cli;

namespace Dashboard.Tests.Cli;

public class SpeculationPairTests
{
    [Fact]
    public void Compare_SameClientAndNumberAndPosition_Paired_TrainedInBothComparedApart()
    {
        // Client 0's moves 0..19 trained without speculation in 100 + n ms. With it, the even moves trained in 200 + n ms and
        // the odd ones were answered ahead in 5 ms; move 19 went elsewhere (not the same move), move 20 ran only without it.
        MoveTiming[] off = [.. Enumerable.Range(0, 21).Select(n => new MoveTiming(0, n, n / 100.0, 100 + n, Trained: true))];
        MoveTiming[] on =
        [
            .. Enumerable.Range(0, 19).Select(n => n % 2 == 0
                ? new MoveTiming(0, n, n / 100.0, 200 + n, Trained: true)
                : new MoveTiming(0, n, n / 100.0, 5, Trained: false)),
            new MoveTiming(0, 19, 0.99, 1, Trained: true),
        ];

        var pair = SpeculationPair.Compare(off, on);

        // 19 moves in both: off 100..118; on nine at 5 ms and 200, 202 … 218.
        Assert.Equal(new PairedLatencies(19, 109, 200, 118, 218, 84.7), pair.Every);
        // Trained in both: the ten even moves, off 100, 102 … 118 and on 200, 202 … 218.
        Assert.Equal(new PairedLatencies(10, 108, 208, 118, 218, 84.7), pair.TrainedInBoth);
        Assert.Equal(9, pair.AnsweredAheadWithSpeculation);
    }

    [Fact]
    public void Compare_NoMoveInBoth_ZerosNotAnError()
    {
        var pair = SpeculationPair.Compare([new MoveTiming(0, 0, 0.3, 100, true)], [new MoveTiming(1, 0, 0.4, 100, true)]);

        Assert.Equal(new PairedLatencies(0, 0, 0, 0, 0, 0), pair.TrainedInBoth);
        Assert.Equal(0, pair.Every.Moves);
    }
}
