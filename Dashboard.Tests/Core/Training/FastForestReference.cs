using Dashboard.Core.Training;
using Dashboard.Core.Training.Algorithms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The forest seat as it was before issue 16, kept verbatim as the reference the new forest's ROC AUC is held to:
/// ML.NET's FastForest with Platt calibration (its binary trainer outputs no probability).
/// </summary>
internal static class FastForestReference
{
    private static readonly HyperparameterSpec Trees = new("trees", "Trees", HyperparameterKind.Integer, 10, 500, 100,
        "How many independent trees vote: more trees give steadier scores and take longer.");
    private static readonly HyperparameterSpec Leaves = new("leaves", "Leaves per tree", HyperparameterKind.Integer, 2, 256, 31,
        "How many end nodes each tree may have.");
    private static readonly HyperparameterSpec FeatureFraction = new("featureFraction", "Feature fraction", HyperparameterKind.Real, 0.1, 1, 0.7,
        "The share of features each tree may look at: lower values make the trees more different from each other.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "random-forest", "Random forest", "random forest", [Trees, Leaves, FeatureFraction], Train);

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        return MlNetTraining.Fit(input, cancellationToken, (ml, weighted) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            ExampleWeightColumnName = MlNetTraining.WeightColumn(weighted),
            NumberOfTrees = hp.GetInt(Trees),
            NumberOfLeaves = hp.GetInt(Leaves),
            FeatureFraction = hp.Get(FeatureFraction),
            NumberOfThreads = 1,
            Seed = input.Seed,
        }).Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: MlNetData.Label)),
            // The Platt step is a second transformer here: the forest is the chain's first.
            trees: model => ((model as IEnumerable<ITransformer>)?.FirstOrDefault() as ISingleFeaturePredictionTransformer<FastForestBinaryModelParameters>)?.Model);
    }
}
