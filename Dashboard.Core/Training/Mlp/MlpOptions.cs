using System.Globalization;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// Hyperparameters of the multilayer perceptron. Every option is a plain number or flag with an inclusive
/// range (see each one), so the UI can render it as a control. The defaults suit tabular data of
/// 500-200,000 rows and 10-200 (often one-hot) features.
/// </summary>
public sealed record MlpOptions
{
    /// <summary>Units of the first hidden ReLU layer, 1-1024. Default 64: enough capacity for tabular data without overfitting a few thousand rows.</summary>
    public int HiddenUnits { get; init; } = 64;

    /// <summary>Units of an optional second hidden ReLU layer, 0-1024; 0 means one hidden layer only (the default).</summary>
    public int SecondHiddenUnits { get; init; }

    /// <summary>Adam's step size, 0.00001-1. Default 0.003: a little above Adam's customary 0.001 so that ~50 epochs are enough on a few thousand rows.</summary>
    public double LearningRate { get; init; } = 0.003;

    /// <summary>
    /// Rows per mini-batch, 1-8192. Default 64: enough Adam steps per epoch on a 500-row set, and on the
    /// bundled Lending Club data no slower than 128 or 256 (the cost is per row, not per step) and as accurate.
    /// </summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs at most, 1-1000. Default 50; early stopping usually ends sooner.</summary>
    public int MaxEpochs { get; init; } = 50;

    /// <summary>
    /// Training rows an epoch walks through at most, 1,000-10,000,000. Default 20,000. An epoch is a full pass
    /// when the training rows are fewer; on larger sets it is the next 20,000 rows of the shuffled order (reshuffled
    /// when it runs out), so the validation loss is checked, and training can stop, every 20,000 rows: on a
    /// 150,000-row set a full pass is 2,300 Adam steps, and waiting <see cref="Patience"/> full passes for the
    /// loss to stop improving made the fit take 10-25 s on this machine.
    /// </summary>
    public int RowsPerEpoch { get; init; } = 20_000;

    /// <summary>
    /// L2 penalty on the weights (not the biases), 0-1: the loss gains <c>L2 / 2 * sum(w^2)</c>.
    /// Default 0.0001, as scikit-learn's MLPClassifier; 0 turns it off.
    /// </summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>
    /// Cost-sensitive learning, 0.01-1000: the loss of every positive (label 1) row is multiplied by this.
    /// Above 1 the model trades false positives for fewer false negatives. Default 1 (no reweighting).
    /// </summary>
    public double PositiveClassWeight { get; init; } = 1;

    /// <summary>Hold out a stratified validation slice of the training rows and stop when its loss stops improving, keeping the best weights. Default on.</summary>
    public bool EarlyStopping { get; init; } = true;

    /// <summary>Share of the training rows held out for early stopping, 0.05-0.5. Default 0.1. Ignored when <see cref="EarlyStopping"/> is off.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Epochs without a validation improvement before training stops, 1-100. Default 5.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Smallest drop of the validation loss that counts as an improvement, 0-1. Default 0.0001.</summary>
    public double MinDelta { get; init; } = 1e-4;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first option outside its range, and the range.</summary>
    public void Validate()
    {
        RequireInRange(nameof(HiddenUnits), HiddenUnits, 1, 1024);
        RequireInRange(nameof(SecondHiddenUnits), SecondHiddenUnits, 0, 1024);
        RequireInRange(nameof(LearningRate), LearningRate, 1e-5, 1);
        RequireInRange(nameof(BatchSize), BatchSize, 1, 8192);
        RequireInRange(nameof(MaxEpochs), MaxEpochs, 1, 1000);
        RequireInRange(nameof(RowsPerEpoch), RowsPerEpoch, 1000, 10_000_000);
        RequireInRange(nameof(L2), L2, 0, 1);
        RequireInRange(nameof(PositiveClassWeight), PositiveClassWeight, 0.01, 1000);
        RequireInRange(nameof(ValidationFraction), ValidationFraction, 0.05, 0.5);
        RequireInRange(nameof(Patience), Patience, 1, 100);
        RequireInRange(nameof(MinDelta), MinDelta, 0, 1);
    }

    private static void RequireInRange(string option, double value, double min, double max)
    {
        // Written so that NaN fails too.
        if (value >= min && value <= max) return;
        var culture = CultureInfo.InvariantCulture;
        throw new ArgumentOutOfRangeException(option,
            string.Format(culture, "The MLP option {0} must be between {1} and {2}; {3} was given.", option, min, max, value));
    }
}
