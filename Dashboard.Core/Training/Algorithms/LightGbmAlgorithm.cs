using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Gradient boosting (the course's XGBoost seat): ML.NET's LightGBM, single-threaded and deterministic.</summary>
internal static class LightGbmAlgorithm
{
    private static readonly HyperparameterSpec Iterations = new("iterations", "Boosting rounds", HyperparameterKind.Integer, 10, 1000, 100,
        "How many trees are added one after another, each correcting the previous ones' errors.");
    private static readonly HyperparameterSpec Leaves = new("leaves", "Leaves per tree", HyperparameterKind.Integer, 2, 256, 31,
        "How many end nodes each tree may have: more leaves fit finer patterns (and noise).");
    private static readonly HyperparameterSpec LearningRate = new("learningRate", "Learning rate", HyperparameterKind.Real, 0.001, 1, 0.1,
        "How much each new tree counts: smaller is slower but steadier.", LogScale: true);
    private static readonly HyperparameterSpec MinRowsPerLeaf = new("minRowsPerLeaf", "Min rows per leaf", HyperparameterKind.Integer, 1, 500, 20,
        "A leaf needs at least this many training rows: larger values make smoother models.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "lightgbm", "LightGBM", "gradient boosting", [Iterations, Leaves, LearningRate, MinRowsPerLeaf], Train);

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        return MlNetTraining.Fit(input, cancellationToken, (ml, weighted) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            ExampleWeightColumnName = MlNetTraining.WeightColumn(weighted),
            NumberOfIterations = hp.GetInt(Iterations),
            NumberOfLeaves = hp.GetInt(Leaves),
            LearningRate = hp.Get(LearningRate),
            MinimumExampleCountPerLeaf = hp.GetInt(MinRowsPerLeaf),
            // Always explicit: with its default threading LightGBM spins at OpenMP barriers while
            // the other three algorithms train, and one fit took 0.4 s or 30 s from run to run.
            NumberOfThreads = 1,
            Deterministic = true,
            Seed = input.Seed,
            Silent = true,
            Verbose = false,
        }), trees: model => (model as ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>)?.Model.SubModel,
            scorer: LightGbmScorer.For);
    }
}
