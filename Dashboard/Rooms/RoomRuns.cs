using System.Diagnostics;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// Carries out a room's runs in the background: resample (unless the run reuses the latest resampled rows,
/// or the server's <see cref="ResultCache"/> has them), answer what the cache knows at once, train the rest
/// in fair slots, and report each stage back to the room as a <see cref="RunReport"/>. Holds each run's
/// cancellation and the latest resampled rows, and offers every classifier's model (or how to fit it again) to
/// <paramref name="models"/> for row explanations; decides nothing about the room.
/// </summary>
public sealed class RoomRuns(string code, MullerLoop loop, TrainingSlots slots, ResultCache cache, RoomModels models, Action<RunReport> report,
    ILogger logger, CancellationToken closing)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _running = [];
    private (string RunId, PreparedRun Run)? _prepared;

    /// <param name="preempting">Speculation to stop first: a real run never waits behind a guess.</param>
    public void Start(StartRun start, RoomSpeculation? preempting = null)
    {
        preempting?.Preempt();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(closing);
        var token = cancel.Token; // taken now: a cancel may dispose the source before the run starts
        lock (_gate) _running[start.Plan.RunId] = cancel;
        _ = Task.Run(async () =>
        {
            await RunAsync(start.Plan, start.At, token);
            Forget(start.Plan.RunId, cancel);
        }, CancellationToken.None);
    }

    /// <summary>Cancels a run and lets go of its token source (its token still reads as cancelled in the run's code).</summary>
    public void Cancel(string runId)
    {
        lock (_gate)
        {
            if (!_running.Remove(runId, out var cancel)) return;
            cancel.Cancel();
            cancel.Dispose();
        }
    }

    public void CancelAll()
    {
        lock (_gate)
        {
            foreach (var runId in _running.Keys.ToArray()) Cancel(runId);
        }
    }

    private async Task RunAsync(RunPlan plan, RoomView at, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var seed = plan.State.Dataset.SplitSeed;
            var rowsKey = ResultCache.PreparationKey(plan.State.Dataset, ChangesOf(plan), LeakyOf(plan));
            var prepared = Reused(plan) ?? await PrepareAsync(plan, at, cancellationToken);
            var seats = plan.AlgorithmIds.Select(id => plan.State.Seat(id).ToSettings(at.Workspace!.Task)).ToArray();
            var keys = seats.ToDictionary(s => s.Algorithm.Id, s => ResultCache.ResultKey(rowsKey, s, seed));
            var toTrain = new List<AlgorithmSettings>();
            foreach (var seat in seats)
            {
                // A position visited before answers from the cache, bit for bit the result a fit would give.
                if (cache.TryGetResult(keys[seat.Algorithm.Id], out var known))
                {
                    Offer(prepared, seat, seed, known);
                    report(new RunResult(plan.RunId, known.Origin == ResultOrigin.Speculation ? known : known with { Origin = ResultOrigin.Cache }, prepared.Summary));
                }
                else toTrain.Add(seat);
            }
            // Every card answered from the cache: the run ends now, not after a trip through an empty loop (a thread-pool
            // hop that took 10-30 ms on a busy machine, on the way to a position the user has seen before).
            if (toTrain.Count > 0) await TrainAsync(plan, prepared, seats, toTrain, keys, at, seed, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            report(new RunEnded(plan.RunId, clock.Elapsed.TotalSeconds));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report(new RunStopped(plan.RunId, closing.IsCancellationRequested ? "the room closed" : "a newer change"));
        }
        catch (Exception exception)
        {
            var forUser = exception is DatasetException or ArgumentException;
            if (!forUser) logger.LogError(exception, "Room {Room}: run {Run} failed", code, plan.RunId);
            report(new RunBroken(plan.RunId, forUser ? UserMessage.From(exception) : $"Training failed: {UserMessage.From(exception)}"));
        }
    }

    private async Task TrainAsync(RunPlan plan, PreparedRun prepared, AlgorithmSettings[] seats, List<AlgorithmSettings> toTrain,
        Dictionary<string, string> keys, RoomView at, int seed, CancellationToken cancellationToken)
    {
        // Cards keep their own order; results arrive as they finish, the quickest fit started first (StartOrder).
        var startOrder = StartOrder.For(toTrain, at.Latest.ToDictionary(l => l.Key, l => l.Value.Timings.FitSeconds));
        await foreach (var result in loop.RunAsync(prepared.Data, startOrder, new LoopOptions(AlgorithmSeat.DefaultThreshold, seed, code), cancellationToken))
        {
            cache.SetResult(keys[result.AlgorithmId], result);
            Offer(prepared, seats.First(s => s.Algorithm.Id == result.AlgorithmId), seed, result);
            report(new RunResult(plan.RunId, result, prepared.Summary));
        }
    }

    // Offered before the report, so the model is there by the time a page can ask for the result's explanation.
    private void Offer(PreparedRun prepared, AlgorithmSettings seat, int seed, AlgorithmResult result)
    {
        if (result.Status == AlgorithmStatus.Completed && result.Metrics is not null)
        {
            models.Offer(new ExplainableModel(prepared.Data, seat, seed, result.TestScores, result.Model));
        }
    }

    /// <summary>Lets go of a finished run's token source.</summary>
    private void Forget(string runId, CancellationTokenSource cancel)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(runId, out var current) && current == cancel) _running.Remove(runId);
        }
        cancel.Dispose();
    }

    private PreparedRun? Reused(RunPlan plan)
    {
        lock (_gate) return _prepared is { } latest && latest.RunId == plan.PreparedFrom ? latest.Run : null;
    }

    private static IReadOnlyList<Core.Resampling.DistributionChange> ChangesOf(RunPlan plan) => PreparedRows.ChangesOf(plan);

    private static bool LeakyOf(RunPlan plan) => PreparedRows.LeakyOf(plan);

    private async Task<PreparedRun> PrepareAsync(RunPlan plan, RoomView at, CancellationToken cancellationToken)
    {
        var prepared = await PreparedRows.GetAsync(cache, slots, code, at.Workspace!, plan.State.Dataset, ChangesOf(plan), LeakyOf(plan), cancellationToken);
        lock (_gate) _prepared = (plan.RunId, prepared);
        report(new RunPrepared(plan.RunId, prepared.Summary, prepared.Resampled));
        return prepared;
    }
}
