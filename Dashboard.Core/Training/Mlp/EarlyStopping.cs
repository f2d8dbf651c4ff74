namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// Watches the validation loss: remembers the best parameters and says when it has not improved by more
/// than the minimum delta for <c>patience</c> epochs (as Keras's EarlyStopping with restore_best_weights).
/// </summary>
internal sealed class EarlyStopping
{
    private readonly int _patience;
    private readonly double _minDelta;
    private int _epochsWithoutImprovement;

    public EarlyStopping(int patience, double minDelta, int parameterCount)
    {
        _patience = patience;
        _minDelta = minDelta;
        BestParameters = new float[parameterCount];
    }

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>The epoch whose parameters <see cref="BestParameters"/> holds; 0 before the first.</summary>
    public int BestEpoch { get; private set; }

    public float[] BestParameters { get; }

    /// <summary>Records an epoch's validation loss; returns true when training should stop.</summary>
    public bool ShouldStop(int epoch, double validationLoss, ReadOnlySpan<float> parameters)
    {
        if (validationLoss < BestLoss - _minDelta)
        {
            BestLoss = validationLoss;
            BestEpoch = epoch;
            parameters.CopyTo(BestParameters);
            _epochsWithoutImprovement = 0;
            return false;
        }
        return ++_epochsWithoutImprovement >= _patience;
    }
}
