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
/// positions again (answered by the result cache), and in a second room on the same data set.
/// </summary>
internal static class SliderBench
{
    public static Command Create(TextWriter output)
    {
        var data = new Option<string>("--data") { Description = "Bundled data set.", DefaultValueFactory = _ => BundledDatasets.DefaultName };
        var slider = new Option<string>("--slider") { Description = "Slider id: class, or feature:COLUMN.", DefaultValueFactory = _ => "feature:gender" };
        var command = new Command("slider", "Time slider release to first and to all four results in a real room.");
        command.Add(data);
        command.Add(slider);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Directory.CreateTempSubdirectory("bench-slider-").FullName;
            var options = Options.Create(new DashboardOptions { DataFolder = folder });
            var limits = Options.Create(DataLimits.Default);
            var notifier = new RoomNotifier(NullLogger<RoomNotifier>.Instance);
            await using var registry = new RoomRegistry(notifier, new WorkspaceCache(new ServerDatasets(new UploadStore(options, limits), limits)), options, NullLoggerFactory.Instance);
            var events = new System.Collections.Concurrent.ConcurrentQueue<(RoomEvent Event, long Ticks)>();
            using var subscription = notifier.Subscribe(null, e =>
            {
                events.Enqueue((e, Stopwatch.GetTimestamp()));
                return Task.CompletedTask;
            });
            var choice = new DatasetChoice(parse.GetValue(data)!);
            var room = registry.Create(choice);
            await WaitAsync(events, e => e is RunCompleted, cancellationToken);

            var shares = new[] { 0.30, 0.40, 0.50, 0.15, 0.60, 0.25 };
            var rows = new List<object>();
            async Task MeasureAsync(RoomRunner at, double share, string kind)
            {
                events.Clear();
                var start = Stopwatch.GetTimestamp();
                var refusal = await at.ExecuteAsync(new MoveSlider("bench", parse.GetValue(slider)!, share));
                if (refusal is not null) throw new DatasetException(DataProblem.InvalidSetting, refusal);
                var completed = await WaitAsync(events, e => e is RunCompleted or RunFailed, cancellationToken);
                // A position the resampler refuses (too many rows, say) is reported, not waited for for ever.
                if (completed.Event is RunFailed failed) throw new DatasetException(DataProblem.InvalidSetting, $"At {share}: {failed.Error}");
                var first = events.First(e => e.Event is AlgorithmCompleted);
                rows.Add(new
                {
                    kind,
                    share,
                    firstResultSeconds = Math.Round(Stopwatch.GetElapsedTime(start, first.Ticks).TotalSeconds, 3),
                    firstAlgorithm = ((AlgorithmCompleted)first.Event).Result.AlgorithmId,
                    allFourSeconds = Math.Round(Stopwatch.GetElapsedTime(start, completed.Ticks).TotalSeconds, 3),
                    fromCache = events.Count(e => e.Event is AlgorithmCompleted { Result.Origin: Core.Training.ResultOrigin.Cache }),
                    trainingRows = at.View.Training?.RowsAfter,
                });
            }
            // New positions (trained), the same positions again (the cache), then another room on the same data set.
            foreach (var share in shares) await MeasureAsync(room, share, "new position");
            foreach (var share in shares) await MeasureAsync(room, share, "visited before");
            var other = registry.Create(choice);
            await WaitAsync(events, e => e is RunCompleted && e.RoomCode == other.Code, cancellationToken);
            foreach (var share in shares) await MeasureAsync(other, share, "visited in another room");
            Directory.Delete(folder, recursive: true);
            output.WriteLine(CliJson.Serialize(new { benchmark = "slider", data = parse.GetValue(data), slider = parse.GetValue(slider), runs = rows }));
            return 0;
        });
        return command;
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
