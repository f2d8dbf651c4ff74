namespace Dashboard.Core.Training.Ensembles;

/// <summary>How the trees of a <see cref="LeafwiseForest"/> grow.</summary>
/// <param name="Leaves">Each tree stops at this many leaves.</param>
/// <param name="FeatureFraction">The share of the columns each tree may split on, drawn per tree.</param>
/// <param name="MinRowsPerLeaf">Each side of a split keeps at least this many distinct rows.</param>
/// <param name="MaxDrawsPerTree">Each tree's bootstrap draws at most this many rows (null: as many as there are rows).</param>
internal sealed record ForestOptions(int Trees, int Leaves, double FeatureFraction, int MinRowsPerLeaf, int? MaxDrawsPerTree = null);
