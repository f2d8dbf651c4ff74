using System.Globalization;
using Dashboard.Core.Common;
using Dashboard.Core.Data;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// Trains a multilayer perceptron for binary classification with Adam on shuffled mini-batches, with
/// optional L2, positive-class weight, sample weights and early stopping. Single-threaded and seeded:
/// the same data, options and seed give bit-identical weights on every run.
/// </summary>
public sealed class MlpTrainer
{
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public MlpTrainer(MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    public MlpOptions Options { get; }

    /// <summary>Fits a model to <paramref name="features"/>.</summary>
    /// <param name="labels">Per row: 1 for the positive class, 0 for the other.</param>
    /// <param name="seed">The only source of randomness: initial weights, validation slice, batch order.</param>
    /// <param name="sampleWeights">Per row, a finite weight of at least 0 for its loss; empty for all 1.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Checked before every mini-batch.</param>
    /// <exception cref="ArgumentException">The inputs do not fit together or hold a bad value; the message says which row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public MlpModel Fit(FeatureMatrix features, ReadOnlySpan<int> labels, int seed, ReadOnlySpan<float> sampleWeights = default,
        IProgress<MlpEpoch>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        cancellationToken.ThrowIfCancellationRequested();
        var allLabels = CheckInputs(features, labels, sampleWeights);
        return FitChecked(features, allLabels, null, RowWeights(allLabels, sampleWeights), seed, progress, cancellationToken);
    }

    /// <summary>
    /// Fits a model with a linear output and squared loss to <paramref name="targets"/> (regression). Scale the targets first
    /// (e.g. standardize them): the weights start small, and the learning rate is tuned for values of order 1.
    /// </summary>
    /// <param name="strata">Per row, 0 or 1 (e.g. common or rare target value): the validation slice keeps their proportions.</param>
    public MlpModel FitRegression(FeatureMatrix features, ReadOnlySpan<float> targets, ReadOnlySpan<int> strata, int seed,
        IProgress<MlpEpoch>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        cancellationToken.ThrowIfCancellationRequested();
        var allStrata = CheckInputs(features, strata, default);
        if (targets.Length != features.Rows)
        {
            throw new ArgumentException($"There are {targets.Length} targets for {features.Rows} feature rows; each row needs one.", nameof(targets));
        }
        for (var row = 0; row < targets.Length; row++)
        {
            if (!float.IsFinite(targets[row])) throw new ArgumentException($"The target of row {row} is not a finite number.", nameof(targets));
        }
        var weights = new float[features.Rows];
        Array.Fill(weights, 1f);
        return FitChecked(features, allStrata, targets.ToArray(), weights, seed, progress, cancellationToken);
    }

    private MlpModel FitChecked(FeatureMatrix features, int[] allLabels, float[]? targets, float[] rowWeights, int seed, IProgress<MlpEpoch>? progress,
        CancellationToken cancellationToken)
    {
        var (trainRows, validationRows) = SplitRows(allLabels, seed);

        var network = new MlpNetwork(features.Columns, Options.HiddenUnits, Options.SecondHiddenUnits);
        var run = new MlpTrainingRun(network, Options, features, allLabels, targets, rowWeights, trainRows, validationRows,
            SeededRandom.For(seed, "mlp.init"), SeededRandom.For(seed, "mlp.shuffle"));
        var earlyStopping = new EarlyStopping(Options.Patience, Options.MinDelta, network.ParameterCount);

        var history = new List<MlpEpoch>(Options.MaxEpochs);
        for (var epoch = 1; epoch <= Options.MaxEpochs; epoch++)
        {
            var trainLoss = run.TrainEpoch(cancellationToken);
            double? validationLoss = Options.EarlyStopping ? run.ValidationLoss() : null;
            var record = new MlpEpoch(epoch, trainLoss, validationLoss);
            history.Add(record);
            progress?.Report(record);
            if (validationLoss is { } loss && earlyStopping.ShouldStop(epoch, loss, run.Parameters)) break;
        }

        return Options.EarlyStopping && earlyStopping.BestEpoch > 0
            ? new MlpModel(network, earlyStopping.BestParameters, Options, history, earlyStopping.BestEpoch)
            : new MlpModel(network, run.Parameters, Options, history, history.Count);
    }

    private static int[] CheckInputs(FeatureMatrix features, ReadOnlySpan<int> labels, ReadOnlySpan<float> sampleWeights)
    {
        if (features.Rows == 0) throw new ArgumentException("There are no rows to train on.", nameof(features));
        if (features.Columns == 0) throw new ArgumentException("There are no feature columns to learn from.", nameof(features));
        if (labels.Length != features.Rows)
        {
            throw new ArgumentException($"There are {labels.Length} labels for {features.Rows} feature rows; each row needs one label.", nameof(labels));
        }
        if (!sampleWeights.IsEmpty && sampleWeights.Length != features.Rows)
        {
            throw new ArgumentException($"There are {sampleWeights.Length} sample weights for {features.Rows} rows; give one per row, or none.", nameof(sampleWeights));
        }
        for (var row = 0; row < labels.Length; row++)
        {
            if (labels[row] is not (0 or 1))
            {
                throw new ArgumentException($"The label of row {row} is {labels[row]}; labels must be 1 (positive class) or 0.", nameof(labels));
            }
            if (!sampleWeights.IsEmpty && !(float.IsFinite(sampleWeights[row]) && sampleWeights[row] >= 0))
            {
                throw new ArgumentException(
                    $"The sample weight of row {row} is {sampleWeights[row].ToString(CultureInfo.InvariantCulture)}; weights must be finite and at least 0.", nameof(sampleWeights));
            }
        }
        // One NaN would silently turn every weight into NaN, so say where it is instead.
        var data = features.Values;
        for (var i = 0; i < data.Length; i++)
        {
            if (!float.IsFinite(data[i]))
            {
                throw new ArgumentException(
                    $"The feature in row {i / features.Columns}, column {i % features.Columns} is {data[i].ToString(CultureInfo.InvariantCulture)}; the MLP needs finite numbers (impute missing values first).", nameof(features));
            }
        }
        return labels.ToArray();
    }

    /// <summary>Each row's loss weight: its sample weight, times the positive-class weight for positive rows.</summary>
    private float[] RowWeights(int[] labels, ReadOnlySpan<float> sampleWeights)
    {
        var positiveWeight = (float)Options.PositiveClassWeight;
        var weights = new float[labels.Length];
        for (var row = 0; row < labels.Length; row++)
        {
            var sampleWeight = sampleWeights.IsEmpty ? 1f : sampleWeights[row];
            weights[row] = labels[row] == 1 ? sampleWeight * positiveWeight : sampleWeight;
        }
        return weights;
    }

    private (int[] Train, int[] Validation) SplitRows(int[] labels, int seed)
    {
        if (!Options.EarlyStopping) return (Enumerable.Range(0, labels.Length).ToArray(), []);

        // A seed of its own, so the validation slice does not mirror the data set's train/test split of the same seed.
        var splitSeed = SeededRandom.For(seed, "mlp.validation").NextInt(int.MaxValue);
        var split = StratifiedSplitter.Split(labels, Options.ValidationFraction, splitSeed);
        if (split.TestRows.Count == 0)
        {
            throw new ArgumentException(
                $"Early stopping needs a validation slice, but {labels.Length} row(s) leave none at ValidationFraction {Options.ValidationFraction.ToString(CultureInfo.InvariantCulture)}. " +
                "Give more rows or turn EarlyStopping off.", nameof(labels));
        }
        return (split.TrainRows.ToArray(), split.TestRows.ToArray());
    }
}
