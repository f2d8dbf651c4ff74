using System.Runtime.CompilerServices;
using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// The state of one fit: parameters, optimiser and every buffer, allocated up front so that an epoch
/// allocates nothing. Randomness comes only from the seeded streams handed in.
/// </summary>
internal sealed class MlpTrainingRun
{
    private readonly MlpNetwork _network;
    private readonly FeatureMatrix _features;
    private readonly int[] _labels;
    // Regression: each row's (standardized) target, fitted by a linear output and squared loss; null for classes.
    private readonly float[]? _targets;
    private readonly float[] _batchTargets;
    private readonly float[] _validationTargets;
    private readonly float[] _rowWeights;
    private readonly float _l2;
    private readonly AdamOptimizer _optimizer;
    private readonly float[] _gradients;
    private readonly MlpWorkspace _workspace;
    private readonly float[] _batchInput;
    private readonly int[] _batchLabels;
    private readonly float[] _batchWeights;
    private readonly int[] _order;
    private readonly int _rowsPerEpoch;
    /// <summary>Where the next epoch continues in <see cref="_order"/>; at its end, the order is reshuffled first.</summary>
    private int _next;
    private readonly SeededRandom _shuffle;
    private readonly FeatureMatrix _validation;
    private readonly int[] _validationLabels;
    private readonly float[] _validationWeights;
    private readonly float[] _validationLogits;

    /// <param name="labels">Per row, the class (0 or 1); for regression, the strata of the validation split only.</param>
    /// <param name="targets">For regression, per row the value to fit with squared loss; null for classification (logistic loss on labels).</param>
    /// <param name="rowWeights">Per row of <paramref name="features"/>: the weight of its loss.</param>
    /// <param name="trainRows">The rows of <paramref name="features"/> to train on.</param>
    /// <param name="validationRows">The rows held out to measure <see cref="ValidationLoss"/> on; may be empty.</param>
    public MlpTrainingRun(MlpNetwork network, MlpOptions options, FeatureMatrix features, int[] labels, float[]? targets, float[] rowWeights,
        int[] trainRows, int[] validationRows, SeededRandom initialization, SeededRandom shuffle)
    {
        _network = network;
        _features = features;
        _labels = labels;
        _targets = targets;
        _rowWeights = rowWeights;
        _l2 = (float)options.L2;
        _order = (int[])trainRows.Clone();
        _next = _order.Length;
        _rowsPerEpoch = Math.Min(options.RowsPerEpoch, _order.Length);
        _shuffle = shuffle;

        Parameters = new float[network.ParameterCount];
        network.Initialize(Parameters, initialization);
        _optimizer = new AdamOptimizer(network.ParameterCount, options.LearningRate);
        _gradients = new float[network.ParameterCount];

        var batchRows = Math.Min(options.BatchSize, Math.Max(1, trainRows.Length));
        _workspace = new MlpWorkspace(network, batchRows);
        _batchInput = new float[batchRows * features.Columns];
        _batchLabels = new int[batchRows];
        _batchWeights = new float[batchRows];
        _batchTargets = new float[targets is null ? 0 : batchRows];

        // Copied out once, so every evaluation runs over contiguous rows.
        _validation = features.SelectRows(validationRows);
        _validationLabels = validationRows.Select(r => labels[r]).ToArray();
        _validationWeights = validationRows.Select(r => rowWeights[r]).ToArray();
        _validationTargets = targets is null ? [] : validationRows.Select(r => targets[r]).ToArray();
        _validationLogits = new float[validationRows.Length];
    }

    public float[] Parameters { get; }

    /// <summary>
    /// Adam steps over the next <see cref="MlpOptions.RowsPerEpoch"/> rows of the shuffled order (a full shuffled
    /// pass when the training rows are fewer); returns the mean weighted loss per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(CancellationToken cancellationToken)
    {
        var columns = _features.Columns;
        var lossSum = 0.0;
        for (var done = 0; done < _rowsPerEpoch;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_next == _order.Length)
            {
                _shuffle.Shuffle<int>(_order);
                _next = 0;
            }
            // A batch never spans a reshuffle, so a full-pass epoch has exactly the batches of one pass.
            var rows = Math.Min(Math.Min(_workspace.BatchRows, _rowsPerEpoch - done), _order.Length - _next);
            for (var i = 0; i < rows; i++)
            {
                var row = _order[_next + i];
                _features.Row(row).CopyTo(_batchInput.AsSpan(i * columns));
                _batchLabels[i] = _labels[row];
                _batchWeights[i] = _rowWeights[row];
                if (_targets is not null) _batchTargets[i] = _targets[row];
            }
            _next += rows;
            done += rows;
            var input = _batchInput.AsSpan(0, rows * columns);

            _network.Forward(Parameters, input, rows, _workspace);
            lossSum += _targets is null
                ? LogisticLoss.Gradients(_workspace.Logits[..rows], _batchLabels.AsSpan(0, rows), _batchWeights.AsSpan(0, rows), _workspace.LogitGradients[..rows])
                : SquaredLoss.Gradients(_workspace.Logits[..rows], _batchTargets.AsSpan(0, rows), _batchWeights.AsSpan(0, rows), _workspace.LogitGradients[..rows]);
            // _gradients is all zeros here: new, or cleared by the previous step.
            _network.Backward(Parameters, input, rows, _workspace, _gradients);
            if (_l2 > 0) _network.AddL2Gradient(Parameters, _gradients, _l2);
            _optimizer.StepAndClear(Parameters, _gradients);
        }
        return lossSum / _rowsPerEpoch;
    }

    /// <summary>Mean weighted loss per validation row under the current parameters.</summary>
    public double ValidationLoss()
    {
        _network.Logits(Parameters, _validation, _workspace, _validationLogits);
        var sum = 0.0;
        for (var i = 0; i < _validationLogits.Length; i++)
        {
            sum += _validationWeights[i] * (_targets is null
                ? LogisticLoss.Loss(_validationLogits[i], _validationLabels[i])
                : SquaredLoss.Loss(_validationLogits[i], _validationTargets[i]));
        }
        return sum / _validationLogits.Length;
    }
}
