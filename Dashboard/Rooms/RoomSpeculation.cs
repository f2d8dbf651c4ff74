using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// Trains, while a room is idle, the slider positions a student is likely to try next, into the server's
/// <see cref="ResultCache"/>: the neighbouring steps of the slider moved last, then the sweep's positions.
/// It starts after the room has been idle for a while and stops the moment the room starts a real run
/// (<see cref="Preempt"/>), so a real move never waits for it for longer than one training step.
/// Results it trains say so on the card when they are used.
/// </summary>
public sealed class RoomSpeculation(string code, MullerLoop loop, TrainingSlots slots, ResultCache cache, TimeSpan idle, SpeculationStats stats,
    ILogger logger, CancellationToken closing)
{
    /// <summary>The slider's own step (0.5 percentage points): what a key press or a small drag reaches.</summary>
    private const double Step = 0.005;

    /// <summary>The class-balance track's step (5 % of the way to 50/50), likewise.</summary>
    private const double BalanceStep = 0.05;

    /// <summary>How often a position is started again after real fits took its slots back; then this idle spell's speculation ends.</summary>
    private const int MaxAttempts = 5;

    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    /// <summary>The speculation in flight (for tests); completed when none runs.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// The room is idle at this view: speculate around it after the idle time, unless that is under way (or done)
    /// already. Every change that alters what a fit would train on starts a real run, which pre-empts speculation
    /// first, so idle commands (a threshold, a name, a seat) leave the speculation in place and cost nothing here.
    /// </summary>
    public void Schedule(RoomView view)
    {
        if (idle <= TimeSpan.Zero || view.Workspace is null || view.IsBusy) return;
        lock (_gate)
        {
            if (_current is not null) return;
            _current = CancellationTokenSource.CreateLinkedTokenSource(closing);
            var token = _current.Token;
            Running = Task.Run(() => SpeculateAsync(view, token), CancellationToken.None);
        }
    }

    /// <summary>A real run starts: speculation stops now (its fit in flight is cancelled and gives its slot back).</summary>
    public void Preempt()
    {
        lock (_gate) StopLocked();
    }

    private void StopLocked()
    {
        _current?.Cancel();
        _current?.Dispose();
        _current = null;
    }

    /// <summary>The positions to train ahead: one and two steps either side of the slider moved last, then the sweep's.</summary>
    public static IEnumerable<RoomState> Candidates(RoomView view)
    {
        var slider = view.State.Sliders.FirstOrDefault(s => s.Id == view.LastMovedSliderId) ?? view.State.Sliders.FirstOrDefault(s => s.IsClassSlider);
        if (slider is null || view.Workspace is not { } workspace) yield break;
        if (slider.Balance is { } position)
        {
            // The balance track: its own steps and sweep; neutral is the baseline, trained already.
            var nearby = new[] { 1, -1, 2, -2 }.Select(k => Math.Round(position + k * BalanceStep, 4));
            foreach (var next in nearby.Concat(RoomSweeps.BalancePositions).Where(p => p is >= ClassBalance.Min and <= ClassBalance.Max && p != 0).Distinct())
            {
                yield return view.State with { Sliders = view.State.Sliders.Select(s => s.Id == slider.Id ? s with { Balance = next } : s).ToArray() };
            }
            yield break;
        }
        var here = slider.TargetShare ?? FocusGroupShare.Of(slider.Group, workspace.Split.Data, workspace.Split.Split.TrainRows);
        var near = new[] { 1, -1, 2, -2 }.Select(k => Math.Round(here + k * Step, 4));
        foreach (var share in near.Concat(RoomSweeps.Shares).Where(s => s is >= RoomRules.MinShare and <= RoomRules.MaxShare).Distinct())
        {
            yield return view.State with { Sliders = view.State.Sliders.Select(s => s.Id == slider.Id ? s with { TargetShare = share } : s).ToArray() };
        }
    }

    private async Task SpeculateAsync(RoomView view, CancellationToken token)
    {
        try
        {
            await Task.Delay(idle, token);
            foreach (var candidate in Candidates(view))
            {
                for (var attempt = 1; ; attempt++)
                {
                    token.ThrowIfCancellationRequested();
                    try
                    {
                        await TrainAheadAsync(view, candidate, token);
                        break;
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested && attempt < MaxAttempts)
                    {
                        // Another room's real fit asked for the slot back (TrainingSlots): the position's remaining fits
                        // are trained once slots are free again (results already in the cache are not trained twice).
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Speculation is a bonus: a position that cannot be trained (e.g. a share resampling refuses) is skipped.
            logger.LogDebug(exception, "Room {Room}: speculation stopped", code);
        }
    }

    private async Task TrainAheadAsync(RoomView view, RoomState candidate, CancellationToken token)
    {
        var seed = candidate.Dataset.SplitSeed;
        var rowsKey = ResultCache.PreparationKey(candidate.Dataset, candidate.Changes(), candidate.Leaky);
        var seats = candidate.Algorithms.Select(a => a.ToSettings(view.Workspace!.Task)).Where(s => !cache.Contains(ResultCache.ResultKey(rowsKey, s, seed))).ToArray();
        if (seats.Length == 0) return;
        var owner = TrainingSlots.Background("speculation " + code);
        var prepared = cache.GetPrepared(rowsKey);
        if (prepared is null)
        {
            var workspace = view.Workspace!;
            // The resampling gives its slot back too when a real fit asks for it (the position is then started again later).
            using (var slot = await slots.AcquireAsync(owner, token))
            using (var stop = TrainingSlots.StopWhenReclaimed(slot, token))
            {
                prepared = await MullerLoop.RunDedicatedAsync(() => RunPreparation.Prepare(workspace.Split, candidate.Changes(), seed, candidate.Leaky,
                    workspace.Neighbours, stop.Token), stop.Token, background: true);
            }
            cache.SetPrepared(rowsKey, prepared);
        }
        await foreach (var result in loop.RunAsync(prepared.Data, seats, new LoopOptions(AlgorithmSeat.DefaultThreshold, seed, owner), token))
        {
            cache.SetResult(ResultCache.ResultKey(rowsKey, seats.First(s => s.Algorithm.Id == result.AlgorithmId), seed), result, ResultOrigin.Speculation);
            stats.Add(result.Timings.FitSeconds + result.Timings.ScoreSeconds);
        }
    }
}

/// <summary>Speculation's settings for a server: how long a room must be idle first (zero: off), and the shared counters.</summary>
public sealed record Speculation(TimeSpan Idle, SpeculationStats Stats);

/// <summary>How much the server's speculation trained, and how much CPU it took: the page shows it.</summary>
public sealed class SpeculationStats
{
    private long _fits;
    private long _microseconds;

    public long Fits => Interlocked.Read(ref _fits);

    public double Seconds => Interlocked.Read(ref _microseconds) / 1e6;

    public void Add(double seconds)
    {
        Interlocked.Increment(ref _fits);
        Interlocked.Add(ref _microseconds, (long)(seconds * 1e6));
    }
}
