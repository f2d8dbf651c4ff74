namespace Dashboard.Core.Training.Ensembles;

/// <summary>How one decision tree grows.</summary>
/// <param name="MaxDepth">Splits from the root to the deepest leaf.</param>
/// <param name="MinRowsPerLeaf">Each side of a split keeps at least this many (drawn) rows.</param>
/// <param name="FeaturesPerSplit">Features tried at each node (a random subset, as a random forest); 0 means all.</param>
internal sealed record TreeOptions(int MaxDepth, int MinRowsPerLeaf = 1, int FeaturesPerSplit = 0)
{
    /// <summary>scikit-learn's max_features="sqrt": the whole part of the square root, at least 1.</summary>
    public static int SquareRootOf(int features) => Math.Max(1, (int)Math.Sqrt(features));
}
