using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;

namespace Dashboard.Tests.Rooms;

/// <summary>A card's threshold is the room's: every view of the room (latest, baseline, history, the next run) is at it.</summary>
public class RoomThresholdTests : RoomHarnessTest
{
    private static BinaryMetrics Expected(Dashboard.Core.Training.AlgorithmResult result, double threshold) =>
        new ScoredPredictions(result.TestLabels.ToArray(), result.TestScores.ToArray()).MetricsAt(threshold);

    [Fact]
    public async Task SetThreshold_OneAlgorithm_ItsResultsAndHistoryRescored_OthersUntouched_NextRunAtIt()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.45)));
        await Harness.CompletedRunAsync(room.Code, e => e.Reason.StartsWith("moved class"));
        var before = room.View;

        Assert.Null(await room.ExecuteAsync(new SetThreshold("ana", "lightgbm", 0.2)));

        var after = room.View;
        Assert.Equal(0.2, after.State.Seat("lightgbm").Threshold);
        Assert.Equal(Expected(before.Latest["lightgbm"], 0.2), after.Latest["lightgbm"].Metrics);
        Assert.Equal(Expected(before.Baseline["lightgbm"], 0.2), after.Baseline["lightgbm"].Metrics);
        Assert.All(after.History.Where(p => p.AlgorithmId == "lightgbm"), p => Assert.Equal(0.2, p.Metrics!.Threshold));
        Assert.All(after.History.Where(p => p.AlgorithmId != "lightgbm"), p => Assert.Equal(0.5, p.Metrics!.Threshold));
        Assert.Same(before.Latest["svm"], after.Latest["svm"]);
        Assert.Equal(before.History.Count, after.History.Count);

        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.4)));
        var next = await Harness.CompletedRunAsync(room.Code, e => e.Reason.StartsWith("moved class") && e.Reason.EndsWith("0.4"));
        Assert.Equal(0.2, next.Single(e => e.Result.AlgorithmId == "lightgbm").Result.Metrics!.Threshold);
        Assert.Equal(0.5, next.Single(e => e.Result.AlgorithmId == "mlp").Result.Metrics!.Threshold);
    }
}
