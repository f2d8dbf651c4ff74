using Dashboard.Core.Training.Mlp;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Neural network: the product's own multilayer perceptron (ML.NET has none for tabular data).</summary>
internal static class MlpAlgorithm
{
    private static readonly MlpOptions Defaults = new();

    private static readonly HyperparameterSpec HiddenUnits = new("hiddenUnits", "Hidden units (layer 1)", HyperparameterKind.Integer, 1, 512, Defaults.HiddenUnits,
        "Neurons in the first hidden layer: more can fit more complex patterns.");
    private static readonly HyperparameterSpec SecondHiddenUnits = new("secondHiddenUnits", "Hidden units (layer 2)", HyperparameterKind.Integer, 0, 512, Defaults.SecondHiddenUnits,
        "Neurons in an optional second hidden layer; 0 means one hidden layer.");
    private static readonly HyperparameterSpec Epochs = new("epochs", "Max epochs", HyperparameterKind.Integer, 1, 500, Defaults.MaxEpochs,
        "Upper bound on epochs (passes over the training rows; on sets above 20,000 rows, 20,000 rows each); training stops earlier when the validation loss stops improving.");
    private static readonly HyperparameterSpec LearningRate = new("learningRate", "Learning rate", HyperparameterKind.Real, 1e-5, 1, Defaults.LearningRate,
        "Step size of the Adam optimiser.", LogScale: true);
    private static readonly HyperparameterSpec BatchSize = new("batchSize", "Batch size", HyperparameterKind.Integer, 1, 4096, Defaults.BatchSize,
        "Rows per weight update.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "mlp", "Neural network (MLP)", "neural network", [HiddenUnits, SecondHiddenUnits, Epochs, LearningRate, BatchSize], Train);

    /// <summary>The MLP options the settings ask for (the regression seat uses the same settings).</summary>
    public static MlpOptions Options(HyperparameterValues hp) => Defaults with
    {
        HiddenUnits = hp.GetInt(HiddenUnits),
        SecondHiddenUnits = hp.GetInt(SecondHiddenUnits),
        MaxEpochs = hp.GetInt(Epochs),
        LearningRate = hp.Get(LearningRate),
        BatchSize = hp.GetInt(BatchSize),
    };

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var options = Options(input.Hyperparameters);
        var (negative, positive) = input.ClassWeight.WeightsFor(input.Labels);
        var weights = input.ClassWeight.IsNone ? null : input.Labels.Select(l => (float)(l == 1 ? positive : negative)).ToArray();
        var model = new MlpTrainer(options).Fit(input.Features, input.Labels.ToArray(), input.Seed, weights, cancellationToken: cancellationToken);
        return new Classifier(model);
    }

    private sealed class Classifier(MlpModel model) : IBinaryClassifier
    {
        public float[] PredictProbabilities(FeatureMatrix features) => model.PredictProbabilities(features);
    }
}
