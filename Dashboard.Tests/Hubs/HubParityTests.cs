using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>The hub is the page's equal: the page's slider and threshold commands over a real SignalR client, and two clients see one view.</summary>
public class HubParityTests
{
    private static readonly JsonSerializerOptions Json = HubJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public async Task PageCommandsOverTheHub_Applied_SecondClientsViewEqualsTheFirsts()
    {
        await using var server = new DashboardServer();
        await using var ana = await HubClients.ConnectAsync(server.BaseUrl);
        var started = new ConcurrentQueue<RunStarted>();
        var ended = new ConcurrentQueue<string>();
        ana.On<RunStarted>(nameof(ITrainingClient.RunStarted), started.Enqueue);
        ana.On<RunCompleted>(nameof(ITrainingClient.RunCompleted), e => ended.Enqueue(e.RunId));
        ana.On<RunCancelled>(nameof(ITrainingClient.RunCancelled), e => ended.Enqueue(e.RunId));
        var code = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", "ana-key-0123456789ab")).Code!;
        await using var ben = await HubClients.ConnectAsync(server.BaseUrl);
        Assert.Null((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", "ben-key-0123456789ab")).Error);
        // Settled: at least this many runs began, and every run that began has ended.
        async Task SettledAsync(int runs)
        {
            for (var i = 0; i < 3000 && (started.Count < runs || started.Any(r => !ended.Contains(r.RunId))); i++) await Task.Delay(50);
            Assert.True(started.Count >= runs && started.All(r => ended.Contains(r.RunId)), $"{ended.Count} of {started.Count} runs ended");
        }
        await SettledAsync(1); // the baseline

        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.AddSlider), code, "age"));
        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.ConfigureSlider), code, "feature:age",
            new { kind = "range", column = "age", lo = 0, hi = 12 }, "Random", "Smote", 5));
        Assert.Null(await ben.InvokeAsync<string?>(nameof(TrainingHub.MoveSlider), code, "feature:age", 0.2));
        var removable = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!.State.Sliders
            .First(s => !s.IsClassSlider && s.Id != "feature:age").Id;
        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.RemoveSlider), code, removable));
        await SettledAsync(3); // the configure's reset and the move (the removed slider was neutral: no run)
        var best = await ben.InvokeAsync<BestThresholdAnswer>(nameof(TrainingHub.FindBestThreshold), code, "svm", "F1");

        var anaView = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        var benView = (await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;

        Assert.Null(best.Error);
        Assert.Equal(best.Found!.Choice.Threshold, anaView.State.Seat("svm").Threshold);
        Assert.Equal(best.Found.Choice.Threshold, anaView.Latest["svm"].Metrics!.Threshold);
        var age = anaView.State.Slider("feature:age");
        Assert.Equal((0.2, "age ∈ [0, 12]"), (age.TargetShare!.Value, age.Group is global::Dashboard.Core.Resampling.NumericRangeGroup { Lo: 0, Hi: 12 } ? "age ∈ [0, 12]" : "other"));
        Assert.DoesNotContain(anaView.State.Sliders, s => s.Id == removable);
        Assert.Equal(4, anaView.Baseline.Count);
        Assert.NotNull(anaView.Profile);
        Assert.NotEmpty(anaView.Importance);
        Assert.Equal("Titanic passengers and crew", anaView.DatasetTitle);
        Assert.Contains(anaView.Activity, a => a.What.StartsWith("set Linear SVM's threshold"));
        // One truth: both clients are handed the same room.
        Assert.Equal(JsonSerializer.Serialize(anaView, Json), JsonSerializer.Serialize(benView, Json));
        Assert.Equal(2, anaView.State.Members.Count);
    }

    [Fact]
    public async Task ConfigureSlider_GroupWithNoTrainingRow_RefusedWithASentence()
    {
        await using var server = new DashboardServer();
        await using var hub = await HubClients.ConnectAsync(server.BaseUrl);
        var code = (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), null, null)).Code!;
        for (var i = 0; i < 600 && (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, null, null)).View!.State.Sliders.Count < 2; i++) await Task.Delay(100);

        var unknown = await hub.InvokeAsync<string?>(nameof(TrainingHub.ConfigureSlider), code, "feature:gender",
            new { kind = "category", column = "gender", category = "robot" }, "Random", "Smote", 5);
        var badMethod = await hub.InvokeAsync<string?>(nameof(TrainingHub.ConfigureSlider), code, "feature:gender",
            new { kind = "category", column = "gender", category = "male" }, "Random", "Magic", 5);

        Assert.Equal("No training row is in gender = robot: pick a group that has some.", unknown);
        Assert.StartsWith("The oversampling method must be one of Smote,", badMethod);
    }

    [Fact]
    public async Task Sweep_OverTheHub_OneFinishedRunPerPosition()
    {
        await using var server = new DashboardServer();
        await using var hub = await HubClients.ConnectAsync(server.BaseUrl);
        var completed = new ConcurrentQueue<RunCompleted>();
        var started = new ConcurrentDictionary<string, string>();
        hub.On<RunStarted>(nameof(ITrainingClient.RunStarted), e => started[e.RunId] = e.Reason);
        hub.On<RunCompleted>(nameof(ITrainingClient.RunCompleted), completed.Enqueue);
        var code = (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), null, null)).Code!;
        for (var i = 0; i < 1200 && completed.IsEmpty; i++) await Task.Delay(100);

        Assert.Null(await hub.InvokeAsync<string?>(nameof(TrainingHub.Sweep), code, RoomDefaults.ClassSliderId));
        // The class slider is the balance track: the sweep visits both sides.
        var expected = Dashboard.Rooms.RoomSweeps.BalancePositions.Select(s => $"moved class balance to {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray();
        string[] Done() => completed.Select(c => started.GetValueOrDefault(c.RunId)).Where(r => r is not null && r.StartsWith("moved")).ToArray()!;
        for (var i = 0; i < 3000 && Done().Length < expected.Length; i++) await Task.Delay(100);

        Assert.Equal(expected, Done());
        Assert.StartsWith("This room has no slider 'nope'.", await hub.InvokeAsync<string?>(nameof(TrainingHub.Sweep), code, "nope"));
    }

    [Fact]
    public async Task AddAlgorithmAndSetCosts_OverTheHub_TheEnsembleTrainsAlone_CostsAreTheHosts_LowestCostThresholdIsSet()
    {
        await using var server = new DashboardServer();
        await using var ana = await HubClients.ConnectAsync(server.BaseUrl);
        var completed = new ConcurrentQueue<AlgorithmCompleted>();
        var started = new ConcurrentQueue<RunStarted>();
        ana.On<AlgorithmCompleted>(nameof(ITrainingClient.AlgorithmCompleted), completed.Enqueue);
        ana.On<RunStarted>(nameof(ITrainingClient.RunStarted), started.Enqueue);
        var code = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", "ana-key-0123456789ab")).Code!;
        await using var ben = await HubClients.ConnectAsync(server.BaseUrl);
        Assert.Null((await ben.InvokeAsync<RoomEntry>(nameof(TrainingHub.JoinRoom), code, "Ben", "ben-key-0123456789ab")).Error);
        for (var i = 0; i < 3000 && completed.Count < 4; i++) await Task.Delay(50); // the baseline's four

        Assert.Equal("Only the host (Ana) sets what the mistakes cost.", await ben.InvokeAsync<string?>(nameof(TrainingHub.SetCosts), code, 5.0, 1.0));
        Assert.StartsWith("The cost of a false positive must be a number above 0", await ana.InvokeAsync<string?>(nameof(TrainingHub.SetCosts), code, 5.0, 0.0));
        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.SetCosts), code, 5.0, 1.0));
        Assert.Null(await ben.InvokeAsync<string?>(nameof(TrainingHub.AddAlgorithm), code, "balanced-random-forest"));
        Assert.Equal("Linear SVM is one of the four course algorithms and stays; only added cards can be removed.",
            await ben.InvokeAsync<string?>(nameof(TrainingHub.RemoveAlgorithm), code, "svm"));
        for (var i = 0; i < 3000 && !completed.Any(c => c.Result.AlgorithmId == "balanced-random-forest"); i++) await Task.Delay(50);
        var cheapest = await ana.InvokeAsync<LowestCostAnswer>(nameof(TrainingHub.FindLowestCostThreshold), code, "balanced-random-forest");

        var view = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        Assert.Equal(["balanced-random-forest"], started.Last().AlgorithmIds); // the new card trained alone
        Assert.Equal(AlgorithmStatusCompleted, view.Latest["balanced-random-forest"].Status);
        Assert.NotNull(view.Latest["balanced-random-forest"].Metrics!.Confusion);
        Assert.Equal((5.0, 1.0), (view.State.Costs.FalseNegative, view.State.Costs.FalsePositive));
        Assert.Null(cheapest.Error);
        Assert.Equal(new global::Dashboard.Core.Metrics.CostMatrix(5, 1), cheapest.Found!.Choice.Costs);
        Assert.Equal(cheapest.Found.Choice.Threshold, view.State.Seat("balanced-random-forest").Threshold);

        Assert.Null(await ana.InvokeAsync<string?>(nameof(TrainingHub.RemoveAlgorithm), code, "balanced-random-forest"));
        view = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.GetRoom), code)).View!;
        Assert.DoesNotContain(view.State.Algorithms, a => a.AlgorithmId == "balanced-random-forest");
        Assert.False(view.Latest.ContainsKey("balanced-random-forest"));
    }

    private const global::Dashboard.Core.Training.AlgorithmStatus AlgorithmStatusCompleted = global::Dashboard.Core.Training.AlgorithmStatus.Completed;
}
