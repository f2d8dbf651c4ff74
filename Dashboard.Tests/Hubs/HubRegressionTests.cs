using System.Text.Json;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>A hub client drives a regression room (Ames house prices): the results carry R², and the class-only commands are refused with a sentence.</summary>
public class HubRegressionTests
{
    [Fact]
    public async Task SelectAmes_ResultsCarryRegressionMetricsAndPredictions_ThresholdCostsAndSearchesRefused()
    {
        await using var server = new DashboardServer();
        await using var hub = await HubClients.ConnectAsync(server.BaseUrl);
        var results = new List<JsonElement>();
        var fourIn = new TaskCompletionSource();
        hub.On<JsonElement>("AlgorithmCompleted", e =>
        {
            lock (results)
            {
                if (e.GetProperty("result").TryGetProperty("regression", out var r) && r.ValueKind == JsonValueKind.Object) results.Add(e);
                if (results.Count == 4) fourIn.TrySetResult();
            }
        });
        var code = (await hub.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Teacher", null)).Code!;

        var dataset = JsonDocument.Parse("""{"source": "ames_housing", "target": "Sale_Price", "task": "Regression"}""").RootElement;
        Assert.Null(await hub.InvokeAsync<string?>(nameof(TrainingHub.SelectDataset), code, dataset));
        await fourIn.Task.WaitAsync(TimeSpan.FromMinutes(3));

        var first = results[0].GetProperty("result");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("metrics").ValueKind);
        Assert.InRange(first.GetProperty("regression").GetProperty("r2").GetDouble(), 0.5, 1);
        Assert.True(first.GetProperty("regression").GetProperty("rare").GetProperty("count").GetInt32() > 0);
        Assert.Equal(first.GetProperty("testTargets").GetArrayLength(), first.GetProperty("testPredictions").GetArrayLength());
        var room = await hub.InvokeAsync<JsonElement>(nameof(TrainingHub.GetRoom), code);
        Assert.Equal("Regression", room.GetProperty("view").GetProperty("task").GetString());

        const string Prefix = "'Sale_Price' is predicted as a number (regression): ";
        Assert.StartsWith(Prefix + "there is no decision threshold to set", await hub.InvokeAsync<string?>(nameof(TrainingHub.SetThreshold), code, "svm", 0.3));
        Assert.StartsWith(Prefix + "there are no false negatives", await hub.InvokeAsync<string?>(nameof(TrainingHub.SetCosts), code, 5.0, 1.0));
        var search = await hub.InvokeAsync<JsonElement>(nameof(TrainingHub.FindBestThreshold), code, "svm", "F1");
        Assert.StartsWith(Prefix + "there is no decision threshold to choose", search.GetProperty("error").GetString());

        // The relevance threshold: refused out of range with the reason; set, the room reloads at it (stored in its choice).
        Assert.StartsWith("The relevance threshold (how relevant a target value must be to count as rare) must be between 0.05 and 1; 3 was given",
            await hub.InvokeAsync<string?>(nameof(TrainingHub.SetRelevanceThreshold), code, 3.0));
        Assert.Null(await hub.InvokeAsync<string?>(nameof(TrainingHub.SetRelevanceThreshold), code, 0.8));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await hub.InvokeAsync<JsonElement>(nameof(TrainingHub.GetRoom), code)).GetRawText().Contains("\"relevanceThreshold\":0.8"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the room never reloaded at relevance threshold 0.8");
            await Task.Delay(200);
        }
    }
}
