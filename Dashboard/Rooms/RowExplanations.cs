using Dashboard.Core.Common;
using Dashboard.Core.Explanations;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// Explains single test rows of a room's cards (<see cref="RowExplainer"/>) with the models behind their latest results
/// (<see cref="RoomModels"/>): each explanation takes a fair training slot and a thread of its own like a fit, so the
/// circuit and the room's commands never wait for it, and a cancelled request (the row changed, the page closed)
/// stops it. It changes nothing in the room. Explanations already made are kept for the same model and row.
/// </summary>
public sealed class RowExplanations(string code, TrainingSlots slots, RoomModels models, int perRoom) : IDisposable
{
    private const int KeptExplanations = 64;

    private readonly SemaphoreSlim _explaining = new(perRoom);
    private readonly LruCache<(ExplainableModel Model, int TestRow), RowExplanation> _done = new(KeptExplanations);

    /// <summary>The models the room's runs offer (<see cref="RoomRuns"/> fills it).</summary>
    public RoomModels Models => models;

    /// <summary>Why <paramref name="algorithmId"/>'s score of one test row is what it is, in the room as <paramref name="at"/> shows it.</summary>
    /// <param name="testRow">The row's position among the test rows (the order of the result's scores).</param>
    /// <exception cref="InvalidOperationException">The card has nothing to explain yet, its model is gone, or the room explains too many rows at once.</exception>
    /// <exception cref="ArgumentException">No such card, or no such test row.</exception>
    public async Task<RowExplanation> ExplainAsync(RoomView at, string algorithmId, int testRow, CancellationToken cancellationToken)
    {
        var workspace = at.Workspace ?? throw new InvalidOperationException("The data set is still loading; try again once the first results are in.");
        var name = AlgorithmCatalog.Get(at.State.Seat(algorithmId).AlgorithmId).DisplayName;
        if (!at.Latest.TryGetValue(algorithmId, out var result) || result.Status != AlgorithmStatus.Completed)
        {
            throw new InvalidOperationException($"{name} has no result to explain yet; wait until its card has finished training.");
        }
        if (result.Metrics is null) throw new InvalidOperationException("Row explanations are offered for classifiers only so far.");
        var testRows = workspace.Split.Split.TestRows;
        if (testRow < 0 || testRow >= testRows.Count)
        {
            throw new ArgumentException($"There is no test row {testRow}: this split has {testRows.Count} test rows, numbered from 0.", nameof(testRow));
        }
        var model = models.For(result) ?? throw new InvalidOperationException(
            $"The model behind {name}'s result is no longer held on this server; apply its settings again to retrain it, then explain the row.");
        if (_done.TryGet((model, testRow), out var known)) return known;
        if (!await _explaining.WaitAsync(0, cancellationToken))
        {
            throw new InvalidOperationException("This room is explaining many rows already. Wait for them to finish, then try again.");
        }
        try
        {
            using (await slots.AcquireAsync(code, cancellationToken))
            {
                var seed = at.State.Dataset.SplitSeed;
                var explanation = await MullerLoop.RunDedicatedAsync(() => RowExplainer.Explain(algorithmId, model.Model(cancellationToken),
                    workspace.Split.Test.SelectRows([testRow]), [testRows[testRow]], workspace.Split.Featurizer.Slots, model.Data.Train,
                    new ExplanationOptions(Seed: seed), cancellationToken)[0], cancellationToken);
                _done.Set((model, testRow), explanation);
                return explanation;
            }
        }
        finally
        {
            _explaining.Release();
        }
    }

    public void Dispose() => _explaining.Dispose();
}
