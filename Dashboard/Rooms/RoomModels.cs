using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// The models behind a room's latest results, in process and off the wire (as the room's <c>Workspace</c>): the view
/// keeps no model (it would stay alive in every copy), so the runs offer each result's <see cref="ExplainableModel"/>
/// here and an explanation finds the one whose test scores are the card's. A few per card are kept, since a result
/// of a superseded run is offered too but never shown; older ones go.
/// </summary>
public sealed class RoomModels
{
    /// <summary>Offers kept per card: the shown result's and those of runs that may still replace it.</summary>
    public const int PerAlgorithm = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<ExplainableModel>> _byAlgorithm = [];

    public void Offer(ExplainableModel model)
    {
        lock (_gate)
        {
            var id = model.Settings.Algorithm.Id;
            if (!_byAlgorithm.TryGetValue(id, out var offers)) _byAlgorithm[id] = offers = new LinkedList<ExplainableModel>();
            offers.AddFirst(model);
            while (offers.Count > PerAlgorithm) offers.RemoveLast();
        }
    }

    /// <summary>The model behind <paramref name="result"/>, or null when it is no longer held (or never was: a result restored from storage).</summary>
    public ExplainableModel? For(AlgorithmResult result)
    {
        lock (_gate)
        {
            return _byAlgorithm.TryGetValue(result.AlgorithmId, out var offers) ? offers.FirstOrDefault(m => m.Made(result.TestScores)) : null;
        }
    }
}
