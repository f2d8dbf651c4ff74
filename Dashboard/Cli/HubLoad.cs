using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Core.Common;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Hubs;
using Dashboard.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Cli;

/// <summary>What a hub load run should do: loopback only, bounded in clients and time.</summary>
/// <param name="OtherServers">More servers of the same cluster: clients (and the rooms they create) are spread over all, round robin.</param>
internal sealed record HubLoadOptions(string BaseUrl, int Clients, int Rooms, TimeSpan Duration, TimeSpan CommandInterval, int Seed = 1,
    IReadOnlyList<string>? OtherServers = null)
{
    public IReadOnlyList<string> Servers => [BaseUrl, .. OtherServers ?? []];
}

/// <summary>What a hub load run saw.</summary>
/// <param name="ResultsPublished">AlgorithmCompleted events the server published in the load's rooms while every client was connected.</param>
/// <param name="ResultsReceived">Deliveries of those results to clients (each client of a room should get each once).</param>
/// <param name="ResultsMissed">(client, published result of its room) pairs the client never received.</param>
/// <param name="ResultsFromOtherRooms">Results a client received from a room it had not joined (must be 0).</param>
/// <param name="RunsCompleted">Runs that trained to the end while clients sent commands (training throughput).</param>
/// <param name="MovesMeasured">Slider moves whose run completed (a move overtaken by a newer one in its room is not counted).</param>
/// <param name="P95MoveMilliseconds">A real move's latency as its client sees it: from sending the move to hearing its run completed (all four results).</param>
/// <param name="P95TrainedMoveMilliseconds">The same over the moves that fitted at least one model (none answered wholly from the cache or by
/// speculation): whether speculation slows a move that has to train, apart from the moves it answers.</param>
public sealed record HubLoadReport(
    int Clients,
    int Rooms,
    double Seconds,
    int FailedConnections,
    int CommandsSent,
    int CommandsRefused,
    int ResultsPublished,
    int ResultsReceived,
    int ResultsMissed,
    int ResultsFromOtherRooms,
    double P50LatencyMilliseconds,
    double P95LatencyMilliseconds,
    double MaxLatencyMilliseconds,
    long PeakWorkingSetMegabytes,
    int Servers = 1,
    int RunsCompleted = 0,
    double RunsPerMinute = 0,
    string Truth = "server",
    int MovesMeasured = 0,
    double P50MoveMilliseconds = 0,
    double P95MoveMilliseconds = 0,
    int TrainedMovesMeasured = 0,
    double P50TrainedMoveMilliseconds = 0,
    double P95TrainedMoveMilliseconds = 0,
    SlotWaitReport? SlotWaits = null)
{
    /// <summary>Every measured move, for pairing the moves of two runs with the same seed (not printed).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<MoveTiming> Moves { get; init; } = [];
}

/// <summary>One real move: the <paramref name="Number"/>th move of client <paramref name="Client"/> (the same move in every run with the same seed).</summary>
public sealed record MoveTiming(int Client, int Number, double Position, double Milliseconds, bool Trained);

/// <summary>
/// How long real fits waited for a training slot (in-process server only): every real fit, those whose wait asked a
/// background (speculation) slot back, and how long a background fit asked back took to stop and give its slot back.
/// </summary>
public sealed record SlotWaitReport(int RealFits, double P95WaitMilliseconds, double MaxWaitMilliseconds, int AskedBack,
    double P95AskedBackWaitMilliseconds, int GaveBack, double P95GiveBackMilliseconds, double MaxGiveBackMilliseconds);

/// <summary>
/// The hub load tool: SignalR clients spread over rooms move the class slider at random while
/// every client records every result it receives; the run then checks each client got every
/// result of its own room and none of another's, and measures push latency (publish to receive).
/// With the server in this process, what was published comes from its notifier ("server" truth); against
/// servers elsewhere (a cluster), from what any client of the room received ("clients" truth: a result no
/// client of its room received would go unseen, one that some clients missed is counted).
/// </summary>
internal static class HubLoad
{
    /// <summary>
    /// A result as the load's clients read it: which room, run and algorithm, and when it was published. Reading the whole
    /// result (its scores and curves) in two hundred clients on the servers' own two cores measured the load tool, not the
    /// servers; the rest of the message is skipped unread.
    /// </summary>
    private sealed record ResultHeard(string RoomCode, string RunId, HeardAlgorithm Result) : RoomEvent(RoomCode);

    private sealed record HeardAlgorithm(string AlgorithmId, ResultOrigin Origin = ResultOrigin.Trained);

    private sealed record Received(string ClientRoom, string EventRoom, string RunId, string AlgorithmId, double LatencyMilliseconds);

    /// <param name="slots">The in-process server's training slots, to time real fits' waits for a slot (null: not timed).</param>
    public static async Task<HubLoadReport> RunAsync(HubLoadOptions options, RoomNotifier? notifier, CancellationToken cancellationToken,
        TrainingSlots? slots = null)
    {
        var servers = options.Servers;
        var measuring = false;
        var heard = new ConcurrentQueue<RoomEvent>(); // what clients heard in the window, the truth when the server is elsewhere
        var clock = Stopwatch.StartNew();
        var received = new ConcurrentBag<Received>[options.Clients];
        var connections = new HubConnection?[options.Clients];
        var roomOf = new string[options.Clients];
        var failed = 0;
        var moves = new MoveClock(clock);

        // The first client of each room creates it; the others join by code.
        var codes = new string?[options.Rooms];
        for (var i = 0; i < options.Clients; i++)
        {
            var index = i;
            var room = i % options.Rooms;
            received[i] = [];
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(servers[i % servers.Count].TrimEnd('/') + TrainingHub.Path)
                    .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
                    .Build();
                connection.On<ResultHeard>(nameof(ITrainingClient.AlgorithmCompleted), e =>
                {
                    if (e.Result.Origin == ResultOrigin.Trained) moves.Trained(e.RoomCode, e.RunId);
                    received[index].Add(new Received(roomOf[index], e.RoomCode, e.RunId, e.Result.AlgorithmId,
                        (DateTimeOffset.UtcNow - e.PublishedAt).TotalMilliseconds));
                    if (notifier is null && Volatile.Read(ref measuring)) heard.Enqueue(e);
                });
                connection.On<RunStarted>(nameof(ITrainingClient.RunStarted), e =>
                {
                    moves.Started(e);
                    if (notifier is null && Volatile.Read(ref measuring)) heard.Enqueue(e);
                });
                connection.On<RunCompleted>(nameof(ITrainingClient.RunCompleted), e =>
                {
                    moves.Completed(e);
                    if (notifier is null && Volatile.Read(ref measuring)) heard.Enqueue(e);
                });
                connection.On<RunCancelled>(nameof(ITrainingClient.RunCancelled), e =>
                {
                    moves.Ended(e.RoomCode, e.RunId);
                    if (notifier is null && Volatile.Read(ref measuring)) heard.Enqueue(e);
                });
                connection.On<RunFailed>(nameof(ITrainingClient.RunFailed), e =>
                {
                    moves.Ended(e.RoomCode, e.RunId);
                    if (notifier is null && Volatile.Read(ref measuring)) heard.Enqueue(e);
                });
                await connection.StartAsync(cancellationToken);
                if (codes[room] is null)
                {
                    var created = await connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), $"client {i}", null, cancellationToken);
                    codes[room] = created.Code ?? throw new InvalidOperationException(created.Error);
                }
                else
                {
                    var joined = await connection.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), codes[room], $"client {i}", null, cancellationToken);
                    if (joined.Error is not null) throw new InvalidOperationException(joined.Error);
                }
                roomOf[i] = codes[room]!;
                connections[i] = connection;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
            }
        }

        // Count what the server publishes in these rooms from the moment everyone is in.
        var rooms = codes.OfType<string>().ToHashSet();
        var published = new ConcurrentBag<(string Room, string RunId, string AlgorithmId)>();
        var runs = new ConcurrentDictionary<string, bool>(); // room/run id -> ended (rooms on one data set share a baseline's id)
        var completed = new ConcurrentDictionary<string, bool>();
        Task Count(RoomEvent e)
        {
            if (!rooms.Contains(e.RoomCode)) return Task.CompletedTask;
            switch (e)
            {
                case AlgorithmCompleted result:
                    published.Add((e.RoomCode, result.RunId, result.Result.AlgorithmId));
                    break;
                case ResultHeard result:
                    published.Add((e.RoomCode, result.RunId, result.Result.AlgorithmId));
                    break;
                case RunStarted started:
                    runs.TryAdd($"{e.RoomCode}/{started.RunId}", false);
                    break;
                case { EndsRun: true }:
                    runs[$"{e.RoomCode}/{RunIdOf(e)}"] = true;
                    if (e is RunCompleted) completed.TryAdd($"{e.RoomCode}/{RunIdOf(e)}", true);
                    break;
            }
            return Task.CompletedTask;
        }
        Volatile.Write(ref measuring, true);
        var slotWaits = new SlotWaitClock(slots);
        using (notifier?.Subscribe(null, Count))
        using (slotWaits)
        {
            var sent = 0;
            var refused = 0;
            var until = DateTime.UtcNow + options.Duration;
            var senders = connections.Select((connection, i) => Task.Run(async () =>
            {
                if (connection is null) return;
                var random = SeededRandom.For(options.Seed + i, "hub-load");
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * options.CommandInterval.TotalMilliseconds), cancellationToken);
                for (var number = 0; DateTime.UtcNow < until; number++)
                {
                    var share = Math.Round(0.2 + 0.4 * random.NextDouble(), 3);
                    moves.Sent(roomOf[i], share, i, number);
                    var refusal = await connection.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), roomOf[i], RoomDefaults.ClassSliderId, share, cancellationToken);
                    Interlocked.Increment(ref sent);
                    if (refusal is not null) Interlocked.Increment(ref refused);
                    await Task.Delay(options.CommandInterval * (0.5 + random.NextDouble()), cancellationToken);
                }
            }, cancellationToken)).ToArray();
            await Task.WhenAll(senders);
            await WaitForRunsToEndAsync(runs, () => Drain(heard, Count), cancellationToken);
            // Each client heard each result once: several clients' copies are one published result.
            var final = published.Distinct().ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // the last pushes are on the wire

            var missed = 0;
            for (var i = 0; i < options.Clients; i++)
            {
                if (connections[i] is null) continue;
                var got = received[i].Select(r => (r.RunId, r.AlgorithmId)).ToHashSet();
                missed += final.Count(p => p.Room == roomOf[i] && !got.Contains((p.RunId, p.AlgorithmId)));
            }
            // Results published before the measured window (a room's first baseline) are left out.
            var window = final.Select(p => (p.Room, p.RunId, p.AlgorithmId)).ToHashSet();
            var all = received.SelectMany(r => r).Where(r => window.Contains((r.EventRoom, r.RunId, r.AlgorithmId))).ToArray();
            var latencies = all.Where(r => r.ClientRoom == r.EventRoom).Select(r => r.LatencyMilliseconds).Order().ToArray();
            var moveLatencies = moves.Latencies();
            var trainedMoves = moves.Latencies(trained: true);
            slotWaits.Dispose(); // the runs have ended: what follows is not the load's
            foreach (var connection in connections.OfType<HubConnection>()) await connection.DisposeAsync();
            return new HubLoadReport(options.Clients, options.Rooms, Math.Round(clock.Elapsed.TotalSeconds, 1), failed, sent, refused,
                final.Length, all.Length, missed, all.Count(r => r.ClientRoom != r.EventRoom),
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1),
                Process.GetCurrentProcess().PeakWorkingSet64 / 1048576, servers.Count, completed.Count,
                Math.Round(completed.Count / options.Duration.TotalMinutes, 1), notifier is null ? "clients" : "server",
                moveLatencies.Length, Percentile(moveLatencies, 0.50), Percentile(moveLatencies, 0.95),
                trainedMoves.Length, Percentile(trainedMoves, 0.50), Percentile(trainedMoves, 0.95), slotWaits.Report())
            {
                Moves = moves.Timings(),
            };
        }
    }

    private static void Drain(ConcurrentQueue<RoomEvent> heard, Func<RoomEvent, Task> count)
    {
        while (heard.TryDequeue(out var e)) count(e);
    }



    /// <summary>Waits until every run that started has completed, been cancelled or failed (counting what clients heard meanwhile).</summary>
    private static async Task WaitForRunsToEndAsync(ConcurrentDictionary<string, bool> runs, Action countHeard, CancellationToken cancellationToken)
    {
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            countHeard();
        }
        while (runs.Values.Any(ended => !ended));
    }

    private static string RunIdOf(RoomEvent e) => e switch
    {
        RunCompleted c => c.RunId,
        RunCancelled c => c.RunId,
        RunFailed c => c.RunId,
        _ => "",
    };

    /// <summary>
    /// Times real moves end to end: a move is known by its room and position (positions are random to the thousandth, so two
    /// clients of a room rarely send the same one); its run is the one that started with the class slider at that position;
    /// its latency ends when any client of the room hears that run completed. Runs cancelled by a newer move are not counted.
    /// </summary>
    private sealed class MoveClock(Stopwatch clock)
    {
        private readonly ConcurrentDictionary<(string Room, double Position), (TimeSpan At, int Client, int Number)> _sent = new();
        private readonly ConcurrentDictionary<(string Room, string RunId), (TimeSpan At, int Client, int Number, double Position)> _running = new();
        private readonly ConcurrentBag<MoveTiming> _latencies = [];
        private readonly ConcurrentDictionary<(string Room, string RunId), bool> _trained = new();

        public void Sent(string room, double position, int client, int number) => _sent[(room, position)] = (clock.Elapsed, client, number);

        /// <summary>A result of this run was fitted for it (not answered from the cache or by speculation).</summary>
        public void Trained(string room, string runId) => _trained[(room, runId)] = true;

        public void Started(RunStarted e)
        {
            var position = e.Context?.State.Sliders.FirstOrDefault(s => s.Id == RoomDefaults.ClassSliderId) is { } slider ? slider.Balance ?? slider.TargetShare : null;
            if (position is { } p && _sent.TryRemove((e.RoomCode, p), out var sent)) _running.TryAdd((e.RoomCode, e.RunId), (sent.At, sent.Client, sent.Number, p));
        }

        public void Completed(RunCompleted e)
        {
            if (_running.TryRemove((e.RoomCode, e.RunId), out var move))
            {
                _latencies.Add(new MoveTiming(move.Client, move.Number, move.Position, (clock.Elapsed - move.At).TotalMilliseconds,
                    _trained.TryRemove((e.RoomCode, e.RunId), out _)));
            }
        }

        /// <summary>A run cancelled by a newer move, or failed: not measured, and nothing of it is kept.</summary>
        public void Ended(string room, string runId)
        {
            _running.TryRemove((room, runId), out _);
            _trained.TryRemove((room, runId), out _);
        }

        /// <summary>Every measured move's latency, sorted; with <paramref name="trained"/>, only the moves that did (or did not) fit anything.</summary>
        public double[] Latencies(bool? trained = null) => [.. _latencies.Where(l => trained is null || l.Trained == trained).Select(l => l.Milliseconds).Order()];

        public MoveTiming[] Timings() => [.. _latencies.OrderBy(m => m.Client).ThenBy(m => m.Number)];
    }

    /// <summary>Listens to the server's training slots while the load runs (nothing when there are none to listen to).</summary>
    private sealed class SlotWaitClock : IDisposable
    {
        private readonly TrainingSlots? _slots;
        private readonly ConcurrentBag<TrainingSlots.SlotWait> _waits = [];
        private readonly ConcurrentBag<TimeSpan> _gaveBack = [];
        private bool _listening;

        public SlotWaitClock(TrainingSlots? slots)
        {
            _slots = slots;
            if (slots is null) return;
            slots.RealFitServed += _waits.Add;
            slots.BackgroundGaveBack += _gaveBack.Add;
            _listening = true;
        }

        public SlotWaitReport? Report()
        {
            if (_slots is null) return null;
            double[] Sorted(IEnumerable<TimeSpan> times) => [.. times.Select(t => t.TotalMilliseconds).Order()];
            var all = Sorted(_waits.Select(w => w.Waited));
            var askedBack = Sorted(_waits.Where(w => w.AskedBack).Select(w => w.Waited));
            var gaveBack = Sorted(_gaveBack);
            return new SlotWaitReport(all.Length, Percentile(all, 0.95), all.Length == 0 ? 0 : Math.Round(all[^1], 1), askedBack.Length,
                Percentile(askedBack, 0.95), gaveBack.Length, Percentile(gaveBack, 0.95), gaveBack.Length == 0 ? 0 : Math.Round(gaveBack[^1], 1));
        }

        public void Dispose()
        {
            if (!_listening) return;
            _listening = false;
            _slots!.RealFitServed -= _waits.Add;
            _slots.BackgroundGaveBack -= _gaveBack.Add;
        }
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
