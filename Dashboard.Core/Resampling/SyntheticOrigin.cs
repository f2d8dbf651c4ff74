namespace Dashboard.Core.Resampling;

/// <summary>
/// Where a synthetic row came from: new = base + Step * (neighbour - base) on every numeric feature.
/// Rows are indices into the labeled data set's <c>Data</c>. When an immediate parent was itself
/// synthetic (made by an earlier change), <see cref="FromRealParents"/> is false and the row records
/// that parent's nearest real ancestor instead (the parent of the two it lies closer to, following
/// the chain); the segment formula then holds only approximately. A struct, because a large move
/// makes hundreds of thousands of them.
/// </summary>
/// <param name="Step">The interpolation factor u, uniform in [0, 1).</param>
/// <param name="ChangeIndex">The index, in the list of changes, of the change that made the row.</param>
public readonly record struct SyntheticOrigin(int BaseRow, int NeighbourRow, double Step, int ChangeIndex, bool FromRealParents);
