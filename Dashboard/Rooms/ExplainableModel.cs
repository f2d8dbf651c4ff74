using Dashboard.Core.Training;

namespace Dashboard.Rooms;

/// <summary>
/// What a card's result was made from, kept in process so the result can be explained row by row: the run's training
/// rows, the algorithm's settings and seed, and the trained model when the run trained it. A result answered from the
/// server's cache has no model here (the cache keeps none); it is trained again on first use, which gives the very same
/// model because training is deterministic for these inputs (the reason the cache may answer at all).
/// </summary>
public sealed class ExplainableModel(LoopData data, AlgorithmSettings settings, int seed, IReadOnlyList<double> testScores, IBinaryClassifier? model)
{
    private readonly Lock _gate = new();
    private IBinaryClassifier? _model = model;

    /// <summary>The rows the model was fitted on (after the sliders' resampling): the explanations' background comes from them.</summary>
    public LoopData Data { get; } = data;

    public AlgorithmSettings Settings { get; } = settings;

    /// <summary>The scores the model gave the test rows: they name the result this model belongs to.</summary>
    public IReadOnlyList<double> TestScores { get; } = testScores;

    public bool IsTrained
    {
        get
        {
            lock (_gate) return _model is not null;
        }
    }

    /// <summary>The model, fitted now if it was not kept (CPU work: call it in a training slot, off the circuit's thread).</summary>
    public IBinaryClassifier Model(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Under the lock: two explanations of the same card at once fit it once.
            return _model ??= Settings.Algorithm.Train(new TrainingInput(Data.Train, Data.TrainLabels, Settings.Hyperparameters, Settings.ClassWeight, seed),
                cancellationToken);
        }
    }

    /// <summary>Whether this is the model behind a result with these test scores (the same object, or bit for bit the same scores).</summary>
    public bool Made(IReadOnlyList<double> scores) => ReferenceEquals(scores, TestScores) || scores.SequenceEqual(TestScores);
}
