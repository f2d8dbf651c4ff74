using Dashboard.Core.Explanations;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// Averages the positive share of the leaves a row lands in over the trees, as scikit-learn's forests and
/// bagging average predict_proba. Reports each slot's total Gini gain for the column ranking.
/// </summary>
internal sealed class TreeEnsembleClassifier(IReadOnlyList<DecisionTree> trees, int slots) : IBinaryClassifier, ITreeGains, ITreeExplainable
{
    private readonly Lazy<double[]> _gains = new(() => DecisionTree.SlotGains(trees, slots));

    public IReadOnlyList<DecisionTree> Trees => trees;

    public IReadOnlyList<double> SlotGains => _gains.Value;

    /// <summary>The probability is the mean of the trees' leaf shares: each leaf holds its share divided by the number of trees.</summary>
    public AdditiveTrees ExplainedTrees =>
        new(trees.Select(t => t.Explained(value => value / trees.Count)).ToArray(), 0, "probability (the trees' mean leaf share)");

    public float[] PredictProbabilities(FeatureMatrix features) => Array.ConvertAll(DecisionTree.Mean(trees, features), p => (float)p);
}
