namespace Dashboard.Core.Training.Mlp;

/// <summary>A trained multilayer perceptron: immutable, and safe to predict with from several threads at once.</summary>
public sealed class MlpModel
{
    private const int PredictionBatchRows = 256;

    private readonly MlpNetwork _network;
    private readonly float[] _parameters;

    internal MlpModel(MlpNetwork network, ReadOnlySpan<float> parameters, MlpOptions options, IReadOnlyList<MlpEpoch> history, int bestEpoch)
    {
        _network = network;
        _parameters = parameters.ToArray();
        Options = options;
        History = history.ToArray();
        BestEpoch = bestEpoch;
    }

    /// <summary>The options it was trained with.</summary>
    public MlpOptions Options { get; }

    /// <summary>The number of feature columns it expects.</summary>
    public int FeatureCount => _network.Features;

    /// <summary>Every epoch that ran, in order.</summary>
    public IReadOnlyList<MlpEpoch> History { get; }

    /// <summary>The epoch whose weights the model holds: the best validation epoch with early stopping, else the last.</summary>
    public int BestEpoch { get; }

    /// <summary>True when early stopping ended training before the maximum number of epochs.</summary>
    public bool StoppedEarly => History.Count < Options.MaxEpochs;

    /// <summary>The probability of the positive class (label 1) for every row. Features must be finite, as in training: a NaN gives NaN.</summary>
    public float[] PredictProbabilities(FeatureMatrix features)
    {
        var probabilities = Outputs(features);
        for (var i = 0; i < probabilities.Length; i++) probabilities[i] = LogisticLoss.Sigmoid(probabilities[i]);
        return probabilities;
    }

    /// <summary>The output neuron's value for every row: the logit for a classifier, the prediction (in the fitted targets' units) for a regressor.</summary>
    public float[] Outputs(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Columns != FeatureCount)
        {
            throw new ArgumentException(
                $"The model was trained on {FeatureCount} feature columns; this matrix has {features.Columns}.", nameof(features));
        }
        var probabilities = new float[features.Rows];
        if (features.Rows == 0) return probabilities;
        var workspace = new MlpWorkspace(_network, Math.Min(PredictionBatchRows, features.Rows));
        _network.Logits(_parameters, features, workspace, probabilities);
        return probabilities;
    }
}
