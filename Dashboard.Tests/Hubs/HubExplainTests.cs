using System.Collections.Concurrent;
using Dashboard.Core.Explanations;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;
using Dashboard.Tests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Hubs;

/// <summary>ExplainRow over a real SignalR client: the page's row explanations are the hub's too.</summary>
public class HubExplainTests
{
    [Fact]
    public async Task ExplainRow_AfterTheBaseline_AnswersTheContributionsThatAddUpToTheRowsOutput_BadArgumentsGetASentence()
    {
        await using var server = new DashboardServer();
        await using var ana = await HubClients.ConnectAsync(server.BaseUrl);
        var completed = new ConcurrentQueue<AlgorithmCompleted>();
        ana.On<AlgorithmCompleted>(nameof(ITrainingClient.AlgorithmCompleted), completed.Enqueue);
        var code = (await ana.InvokeAsync<RoomEntry>(nameof(TrainingHub.CreateRoom), "Ana", "ana-key-0123456789ab")).Code!;
        for (var i = 0; i < 3000 && completed.Count < 4; i++) await Task.Delay(50); // the baseline's four
        await using var stranger = await HubClients.ConnectAsync(server.BaseUrl);

        var answer = await ana.InvokeAsync<ExplanationAnswer>(nameof(TrainingHub.ExplainRow), code, "svm", 3);
        var tooFar = await ana.InvokeAsync<ExplanationAnswer>(nameof(TrainingHub.ExplainRow), code, "svm", 100_000);
        var noCard = await ana.InvokeAsync<ExplanationAnswer>(nameof(TrainingHub.ExplainRow), code, null, 3);
        var notJoined = await stranger.InvokeAsync<ExplanationAnswer>(nameof(TrainingHub.ExplainRow), code, "svm", 3);

        Assert.Null(answer.Error);
        var explanation = answer.Explanation!;
        Assert.Equal(ExplanationMethod.Linear, explanation.Method);
        Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Contribution), 6);
        Assert.Contains(explanation.Contributions, c => c.Column == "gender");
        Assert.StartsWith("There is no test row 100000: this split has", tooFar.Error);
        Assert.Equal("Give the algorithm's id; it was missing.", noCard.Error);
        Assert.Equal("Join the room before asking it for explanations.", notJoined.Error);
    }
}
