using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Support vector machine: ML.NET's LinearSvm (Pegasos) with Platt calibration for probabilities.</summary>
internal static class LinearSvmAlgorithm
{
    private static readonly HyperparameterSpec Iterations = new("iterations", "Passes over the data", HyperparameterKind.Integer, 1, 500, 30,
        "How many times the solver walks through the training rows (ML.NET's default of 1 is far too few).");
    private static readonly HyperparameterSpec Lambda = new("lambda", "Regularization (lambda)", HyperparameterKind.Real, 1e-6, 1, 1e-3,
        "How strongly the margin is kept wide instead of fitting every training row.", LogScale: true);

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "svm", "Linear SVM", "support vector machine", [Iterations, Lambda], Train,
        ClassWeightNote: "LinearSvm ignores row weights, so a class weight repeats the heavier class's rows (rounded) instead.");

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var (features, labels) = RepeatForWeights(input);
        return MlNetTraining.Fit(input, cancellationToken, (ml, _) => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            NumberOfIterations = hp.GetInt(Iterations),
            Lambda = (float)hp.Get(Lambda),
        }).Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: MlNetData.Label)), features, labels, useWeights: false);
    }

    /// <summary>Class weights as repetition: the heavier class's rows appear round(weight ratio) times.</summary>
    private static (FeatureMatrix Features, IReadOnlyList<int> Labels) RepeatForWeights(TrainingInput input)
    {
        if (input.ClassWeight.IsNone) return (input.Features, input.Labels);
        var (negative, positive) = input.ClassWeight.WeightsFor(input.Labels);
        var heavier = positive >= negative ? 1 : 0;
        var times = (int)Math.Round(Math.Max(positive, negative) / Math.Min(positive, negative), MidpointRounding.AwayFromZero);
        if (times <= 1) return (input.Features, input.Labels);
        var rows = new List<int>(input.Labels.Count * 2);
        for (var row = 0; row < input.Labels.Count; row++)
        {
            var copies = input.Labels[row] == heavier ? times : 1;
            for (var c = 0; c < copies; c++) rows.Add(row);
        }
        return (input.Features.SelectRows(rows), rows.Select(r => input.Labels[r]).ToArray());
    }
}
