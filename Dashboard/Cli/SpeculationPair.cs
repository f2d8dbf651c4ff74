namespace Dashboard.Cli;

/// <summary>
/// One group of the same moves in two runs, speculation off and on: how many, and their latency (send → run completed) in each run.
/// </summary>
public sealed record PairedLatencies(int Moves, double P50OffMilliseconds, double P50OnMilliseconds, double P95OffMilliseconds,
    double P95OnMilliseconds, double P95ChangePercent);

/// <summary>
/// What `bench hub --paired` prints beside the two runs' reports. <paramref name="Every"/>: every move measured in both runs;
/// <paramref name="TrainedInBoth"/>: the moves that had to fit something in both (neither the cache nor speculation answered
/// them), the like-for-like answer to "does speculation slow a move that must train".
/// </summary>
public sealed record SpeculationPairReport(PairedLatencies Every, PairedLatencies TrainedInBoth, int AnsweredAheadWithSpeculation);

/// <summary>
/// Pairs the moves of two `bench hub` runs with the same seed: the Nth move of client C goes to the same position in both, so
/// a move that trained in both runs is the same work with and without speculation running beside it. Comparing the moves
/// that trained in each run instead compares different moves: with speculation on, only the ones it did not guess train.
/// </summary>
internal static class SpeculationPair
{
    public static SpeculationPairReport Compare(IReadOnlyList<MoveTiming> off, IReadOnlyList<MoveTiming> on)
    {
        var withSpeculation = on.ToDictionary(m => (m.Client, m.Number));
        var both = off.Where(m => withSpeculation.TryGetValue((m.Client, m.Number), out var other) && other.Position == m.Position)
            .Select(m => (Off: m, On: withSpeculation[(m.Client, m.Number)])).ToArray();
        return new SpeculationPairReport(
            Latencies(both),
            Latencies([.. both.Where(pair => pair.Off.Trained && pair.On.Trained)]),
            both.Count(pair => !pair.On.Trained));
    }

    private static PairedLatencies Latencies((MoveTiming Off, MoveTiming On)[] pairs)
    {
        double[] off = [.. pairs.Select(p => p.Off.Milliseconds).Order()];
        double[] on = [.. pairs.Select(p => p.On.Milliseconds).Order()];
        var p95Off = HubLoad.Percentile(off, 0.95);
        var p95On = HubLoad.Percentile(on, 0.95);
        return new PairedLatencies(pairs.Length, HubLoad.Percentile(off, 0.50), HubLoad.Percentile(on, 0.50), p95Off, p95On,
            p95Off == 0 ? 0 : Math.Round(100 * (p95On - p95Off) / p95Off, 1));
    }
}
