using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>Boosted trees with ML.NET's own FastTree (an extra beside LightGBM).</summary>
internal static class FastTreeAlgorithm
{
    private static readonly HyperparameterSpec Trees = new("trees", "Trees", HyperparameterKind.Integer, 10, 1000, 100,
        "How many trees are added one after another.");
    private static readonly HyperparameterSpec Leaves = new("leaves", "Leaves per tree", HyperparameterKind.Integer, 2, 256, 20,
        "How many end nodes each tree may have.");
    private static readonly HyperparameterSpec LearningRate = new("learningRate", "Learning rate", HyperparameterKind.Real, 0.001, 1, 0.2,
        "How much each new tree counts.", LogScale: true);
    private static readonly HyperparameterSpec MinRowsPerLeaf = new("minRowsPerLeaf", "Min rows per leaf", HyperparameterKind.Integer, 1, 500, 10,
        "A leaf needs at least this many training rows.");

    public static AlgorithmDescriptor Descriptor { get; } = new(
        "fasttree", "FastTree", "gradient boosting (ML.NET)", [Trees, Leaves, LearningRate, MinRowsPerLeaf], Train);

    private static IBinaryClassifier Train(TrainingInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        return MlNetTraining.Fit(input, cancellationToken, (ml, weighted) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            ExampleWeightColumnName = MlNetTraining.WeightColumn(weighted),
            NumberOfTrees = hp.GetInt(Trees),
            NumberOfLeaves = hp.GetInt(Leaves),
            LearningRate = hp.Get(LearningRate),
            MinimumExampleCountPerLeaf = hp.GetInt(MinRowsPerLeaf),
            NumberOfThreads = 1,
        }), trees: model => (model as ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>)?.Model.SubModel);
    }
}
