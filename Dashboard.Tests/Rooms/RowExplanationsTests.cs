using Dashboard.Core.Explanations;
using Dashboard.Core.Rooms;

namespace Dashboard.Tests.Rooms;

/// <summary>
/// A room explains single test rows with the models behind its cards' latest results: trained by its run, or fitted
/// again for a result the server's cache answered (the cache keeps no model).
/// </summary>
public class RowExplanationsTests : RoomHarnessTest
{
    private const int TestRow = 5;

    [Fact]
    public async Task ExplainAsync_EveryCardAfterTheBaseline_AverageAndContributionsAddUpToTheRowsOutput_PerOriginalColumn()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        var view = room.View;
        var split = view.Workspace!.Split;

        foreach (var seat in view.State.Algorithms)
        {
            var explanation = await room.Explanations.ExplainAsync(view, seat.AlgorithmId, TestRow, CancellationToken.None);

            Assert.Equal(split.Split.TestRows[TestRow], explanation.Row);
            Assert.Equal(seat.AlgorithmId, explanation.AlgorithmId);
            var sum = explanation.BaseValue + explanation.Contributions.Sum(c => c.Contribution);
            Assert.True(Math.Abs(sum - explanation.Value) < 1e-6, $"{seat.AlgorithmId}: {explanation.BaseValue} + contributions = {sum}, not {explanation.Value}");
            Assert.Equal(split.Featurizer.Slots.Select(s => s.SourceColumn).Distinct().Order(), explanation.Contributions.Select(c => c.Column).Order());
            if (explanation.Method == ExplanationMethod.SamplingShapley)
            {
                // Explained on the probability: the very score the card shows for this row.
                Assert.Equal(view.Latest[seat.AlgorithmId].TestScores[TestRow], explanation.Value, 6);
            }
        }
        Assert.Equal([ExplanationMethod.TreeShap, ExplanationMethod.TreeShap, ExplanationMethod.Linear, ExplanationMethod.SamplingShapley],
            await Task.WhenAll(view.State.Algorithms.Select(async s => (await room.Explanations.ExplainAsync(view, s.AlgorithmId, TestRow, CancellationToken.None)).Method)));
    }

    [Fact]
    public async Task ExplainAsync_BaselineAnsweredFromTheCache_FitsTheModelAgain_TheSameExplanationAsTheRoomThatTrainedIt()
    {
        var trained = Harness.Registry.Create();
        await Harness.CompletedRunAsync(trained.Code, e => e.Reason == "baseline");
        var cached = Harness.Registry.Create();
        var fromCache = await Harness.CompletedRunAsync(cached.Code, e => e.Reason == "baseline");
        Assert.All(fromCache, e => Assert.Equal(Dashboard.Core.Training.ResultOrigin.Cache, e.Result.Origin));

        foreach (var algorithmId in new[] { "lightgbm", "mlp" })
        {
            var original = await trained.Explanations.ExplainAsync(trained.View, algorithmId, TestRow, CancellationToken.None);
            var again = await cached.Explanations.ExplainAsync(cached.View, algorithmId, TestRow, CancellationToken.None);

            Assert.Equal(original.Value, again.Value);
            Assert.Equal(original.Contributions, again.Contributions);
        }
    }

    [Fact]
    public async Task ExplainAsync_NoSuchTestRowOrCard_SaysWhich()
    {
        var room = Harness.Registry.Create();
        await Harness.CompletedRunAsync(room.Code, e => e.Reason == "baseline");
        var view = room.View;
        var testRows = view.Workspace!.Split.Split.TestRows.Count;

        var noRow = await Assert.ThrowsAsync<ArgumentException>(() => room.Explanations.ExplainAsync(view, "svm", testRows, CancellationToken.None));
        var noCard = await Assert.ThrowsAsync<ArgumentException>(() => room.Explanations.ExplainAsync(view, "rusboost", 0, CancellationToken.None));

        Assert.StartsWith($"There is no test row {testRows}: this split has {testRows} test rows, numbered from 0.", noRow.Message);
        Assert.StartsWith("This room has no algorithm 'rusboost'.", noCard.Message);
    }
}
