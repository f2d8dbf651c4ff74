using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>L-BFGS logistic regression: the linear baseline (an extra).</summary>
internal static class LogisticAlgorithm
{
    private static readonly HyperparameterSpec L2 = new("l2", "L2 regularization", HyperparameterKind.Real, 0, 100, 1,
        "Penalty on large weights: higher values give a simpler model.");
    private static readonly HyperparameterSpec Iterations = new("iterations", "Max iterations", HyperparameterKind.Integer, 10, 1000, 100,
        "Upper bound on optimiser steps.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "logistic", "Logistic regression", "linear model", [L2, Iterations], Train);

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        return MlNetTraining.Fit(input, cancellationToken, (ml, weighted) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            ExampleWeightColumnName = MlNetTraining.WeightColumn(weighted),
            L2Regularization = (float)hp.Get(L2),
            MaximumNumberOfIterations = hp.GetInt(Iterations),
            NumberOfThreads = 1,
        }));
    }
}
