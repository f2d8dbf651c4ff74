using System.CommandLine;
using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Cli;

/// <summary>
/// `bench slider`: what a user waits for after releasing a slider. Runs a real room in process
/// (the same runner, notifier, cache and training the page uses) and times, for several slider
/// positions, release → first algorithm result and release → all four: new positions, the same
/// positions again (answered by the result cache), in a second room on the same data set, a neighbouring
/// step after the room was idle (answered by speculation), and a whole sweep of the slider on a server
/// that has seen none of its positions.
/// </summary>
internal static class SliderBench
{
    public static Command Create(TextWriter output)
    {
        var data = new Option<string>("--data") { Description = "Bundled data set.", DefaultValueFactory = _ => BundledDatasets.DefaultName };
        var slider = new Option<string>("--slider") { Description = "Slider id: class, or feature:COLUMN.", DefaultValueFactory = _ => "feature:gender" };
        var timeline = new Option<bool>("--timeline")
        {
            Description = "Also write to stderr, per move, when each event arrived and the CPU each kind of thread used (Linux: /proc).",
        };
        var command = new Command("slider", "Time slider release to first and to all four results in a real room.");
        command.Add(data);
        command.Add(slider);
        command.Add(timeline);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Directory.CreateTempSubdirectory("bench-slider-").FullName;
            var options = Options.Create(new DashboardOptions { DataFolder = folder });
            var limits = Options.Create(DataLimits.Default);
            var notifier = new RoomNotifier(NullLogger<RoomNotifier>.Instance);
            RoomRegistry NewServer() => new(notifier, new WorkspaceCache(new ServerDatasets(new UploadStore(options, limits), limits)), options, NullLoggerFactory.Instance);
            await using var registry = NewServer();
            var events = new System.Collections.Concurrent.ConcurrentQueue<(RoomEvent Event, long Ticks)>();
            using var subscription = notifier.Subscribe(null, e =>
            {
                events.Enqueue((e, Stopwatch.GetTimestamp()));
                return Task.CompletedTask;
            });
            var loans = 0;
            registry.Slots.SpareLent += () => Interlocked.Increment(ref loans);
            var choice = new DatasetChoice(parse.GetValue(data)!);
            var room = registry.Create(choice);
            await WaitAsync(events, e => e is RunCompleted, cancellationToken);

            var shares = new[] { 0.30, 0.40, 0.50, 0.15, 0.60, 0.25 };
            var rows = new List<object>();
            async Task MeasureAsync(RoomRunner at, double share, string kind)
            {
                events.Clear();
                var loansBefore = Volatile.Read(ref loans);
                var showTimeline = parse.GetValue(timeline);
                var threadsBefore = showTimeline ? ThreadTicks() : [];
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var (pauseBefore, allocatedBefore, collectionsBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
                var start = Stopwatch.GetTimestamp();
                var refusal = await at.ExecuteAsync(new MoveSlider("bench", parse.GetValue(slider)!, share));
                if (refusal is not null) throw new DatasetException(DataProblem.InvalidSetting, refusal);
                var completed = await WaitAsync(events, e => e is RunCompleted or RunFailed, cancellationToken);
                // A position the resampler refuses (too many rows, say) is reported, not waited for for ever.
                if (completed.Event is RunFailed failed) throw new DatasetException(DataProblem.InvalidSetting, $"At {share}: {failed.Error}");
                process.Refresh();
                var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                var (gcPause, allocated, collections) = (GC.GetTotalPauseDuration() - pauseBefore, GC.GetTotalAllocatedBytes() - allocatedBefore, GC.CollectionCount(0) - collectionsBefore);
                var first = events.First(e => e.Event is AlgorithmCompleted);
                if (showTimeline)
                {
                    // Threads that still exist (a fit's own thread ends with it): what ran beside the fits, such as the JIT.
                    var cpuByThread = ThreadTicks().Select(t => (t.Key.Name, Ticks: t.Value - threadsBefore.GetValueOrDefault(t.Key))).Where(t => t.Ticks > 0)
                        .GroupBy(t => t.Name).Select(g => $"{g.Key} {g.Sum(t => t.Ticks) * 1000 / TicksPerSecond} ms");
                    Console.Error.WriteLine($"{kind} {share}: CPU of other threads: {string.Join(", ", cpuByThread)}");
                    Console.Error.WriteLine($"{kind} {share}: events (ms after the move): " + string.Join(", ", events.Select(e =>
                        $"{Stopwatch.GetElapsedTime(start, e.Ticks).TotalMilliseconds:F0} {e.Event.GetType().Name}{(e.Event is AlgorithmCompleted c ? " " + c.Result.AlgorithmId : "")}")));
                }
                rows.Add(new
                {
                    kind,
                    share,
                    firstResultSeconds = Math.Round(Stopwatch.GetElapsedTime(start, first.Ticks).TotalSeconds, 3),
                    firstAlgorithm = ((AlgorithmCompleted)first.Event).Result.AlgorithmId,
                    allFourSeconds = Math.Round(Stopwatch.GetElapsedTime(start, completed.Ticks).TotalSeconds, 3),
                    // The process's CPU from the move to its last result (all threads: the fits, and what the room does beside them).
                    cpuSeconds = Math.Round(cpuSeconds, 3),
                    // Cores lent to the forest once the other fits were done (TrainingSlots.TryLendSpare).
                    spareCoresLent = Volatile.Read(ref loans) - loansBefore,
                    // Garbage collection meanwhile: every collection stops the fits' threads too.
                    gc = new { collections, pauseSeconds = Math.Round(gcPause.TotalSeconds, 3), allocatedMegabytes = Math.Round(allocated / 1e6, 1) },
                    fromCache = events.Count(e => e.Event is AlgorithmCompleted { Result.Origin: Core.Training.ResultOrigin.Cache }),
                    fromSpeculation = events.Count(e => e.Event is AlgorithmCompleted { Result.Origin: Core.Training.ResultOrigin.Speculation }),
                    trainingRows = at.View.Training?.RowsAfter,
                    resampleSeconds = at.View.Training is { } training ? Math.Round(training.ResampleSeconds, 3) : (double?)null,
                    // Where the time went: each algorithm's fit seconds (as recorded when it was trained, also for a cached result).
                    fitSeconds = events.Select(e => e.Event).OfType<AlgorithmCompleted>().ToDictionary(e => e.Result.AlgorithmId, e => Math.Round(e.Result.Timings.FitSeconds, 3)),
                });
            }
            // New positions (trained), the same positions again (the cache), then another room on the same data set.
            foreach (var share in shares) await MeasureAsync(room, share, "new position");
            foreach (var share in shares) await MeasureAsync(room, share, "visited before");
            var other = registry.Create(choice);
            await WaitAsync(events, e => e is RunCompleted && e.RoomCode == other.Code, cancellationToken);
            foreach (var share in shares) await MeasureAsync(other, share, "visited in another room");

            // Speculation: a new position, the room left idle until the server has trained ahead around it, then one step on.
            var isBalanceTrack = room.View.State.Sliders.First(s => s.Id == parse.GetValue(slider)).IsBalanceTrack;
            var (idlePosition, nextStep) = isBalanceTrack ? (0.85, 0.90) : (0.33, 0.335);
            await MeasureAsync(room, idlePosition, "new position, then idle");
            var idleSeconds = await SpeculationSettledAsync(registry.SpeculationStats, options.Value.SpeculationIdleSeconds, cancellationToken);
            await MeasureAsync(room, nextStep, "neighbouring step after idle");

            // A sweep of the slider on a server whose cache has seen none of its positions (a fresh registry).
            await using var fresh = NewServer();
            var swept = fresh.Create(choice);
            await WaitAsync(events, e => e is RunCompleted && e.RoomCode == swept.Code, cancellationToken);
            var sweepStart = Stopwatch.GetTimestamp();
            if (await swept.Sweeps.RunAsync("bench", parse.GetValue(slider)!, progress: null, cancellationToken) is { } sweepRefusal)
            {
                throw new DatasetException(DataProblem.InvalidSetting, sweepRefusal);
            }
            var sweepSeconds = Math.Round(Stopwatch.GetElapsedTime(sweepStart).TotalSeconds, 3);

            Directory.Delete(folder, recursive: true);
            output.WriteLine(CliJson.Serialize(new
            {
                benchmark = "slider",
                data = parse.GetValue(data),
                slider = parse.GetValue(slider),
                runs = rows,
                speculation = new { idleSecondsBeforeNextStep = idleSeconds, fits = registry.SpeculationStats.Fits, cpuSeconds = Math.Round(registry.SpeculationStats.Seconds, 3) },
                sweep = new { positions = isBalanceTrack ? RoomSweeps.BalancePositions.Count : RoomSweeps.Shares.Count, seconds = sweepSeconds },
            }));
            return 0;
        });
        return command;
    }

    /// <summary>Linux's clock ticks per second in /proc's CPU times (USER_HZ), 100 on every Linux this runs on.</summary>
    private const int TicksPerSecond = 100;

    /// <summary>Per live thread of this process, its name and CPU ticks so far (user + system); empty where /proc is absent.</summary>
    private static Dictionary<(int Id, string Name), long> ThreadTicks()
    {
        if (!Directory.Exists("/proc/self/task")) return [];
        var result = new Dictionary<(int, string), long>();
        foreach (var dir in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result[(int.Parse(Path.GetFileName(dir)), name)] = long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: it has nothing more to count.
            }
        }
        return result;
    }

    /// <summary>
    /// Waits past the room's idle time until speculation has stopped fitting (no new fit for two seconds, at most a minute):
    /// what a student pausing to look at the cards gives the server. Answers the seconds waited.
    /// </summary>
    private static async Task<double> SpeculationSettledAsync(SpeculationStats stats, double idleSeconds, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds + 0.5), cancellationToken);
        var fits = -1L;
        while (stats.Fits != fits && Stopwatch.GetElapsedTime(start) < TimeSpan.FromMinutes(1))
        {
            fits = stats.Fits;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        return Math.Round(Stopwatch.GetElapsedTime(start).TotalSeconds, 1);
    }

    private static async Task<(RoomEvent Event, long Ticks)> WaitAsync(System.Collections.Concurrent.ConcurrentQueue<(RoomEvent Event, long Ticks)> events,
        Func<RoomEvent, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var e in events)
            {
                if (match(e.Event)) return e;
            }
            await Task.Delay(5, cancellationToken);
        }
    }
}
