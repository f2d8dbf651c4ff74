namespace Dashboard.Core.Training.Ensembles;

/// <summary>The tree settings the balanced random forest and balanced bagging share, with the same names, ranges and help.</summary>
internal static class TreeHyperparameters
{
    public static HyperparameterSpec MaxDepth { get; } = new("maxDepth", "Max depth", HyperparameterKind.Integer, 1, 64, 64,
        "How many questions a tree may ask before it answers; at the default the trees grow until their leaves are pure, as imbalanced-learn's.");

    public static HyperparameterSpec MinRowsPerLeaf { get; } = new("minRowsPerLeaf", "Min rows per leaf", HyperparameterKind.Integer, 1, 100, 1,
        "A leaf needs at least this many training rows: larger values make smoother trees.");

    /// <summary>The tree options these settings give, trying <paramref name="featuresPerSplit"/> features per node (0: all).</summary>
    public static TreeOptions Options(HyperparameterValues values, int featuresPerSplit = 0) =>
        new(values.GetInt(MaxDepth), values.GetInt(MinRowsPerLeaf), featuresPerSplit);
}
