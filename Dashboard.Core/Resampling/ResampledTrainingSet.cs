using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The training rows after every change, shaped so a trainer featurizes only what is new: kept real
/// rows are indices into <see cref="Source"/> (a random-oversampling duplicate appears again as its
/// index), synthetic rows are a small data set of their own with the same columns. Row order is
/// <see cref="OriginalRows"/> first, then the rows of <see cref="Synthetic"/>.
/// </summary>
/// <param name="Source">The labeled data set's <c>Data</c>, which <see cref="OriginalRows"/> index into.</param>
/// <param name="Synthetic">
/// Only the synthetic rows. Feature columns hold the interpolated values; the target column holds the
/// base parent's value, which is the class label text (for the negative class of a one-vs-rest target,
/// the base parent's own class among the rest; for a numeric target, the row's own SMOTER, SMOGN or noise
/// target value); excluded columns are missing, as a made-up row has no
/// name or id of its own.
/// </param>
/// <param name="SyntheticOrigins">Per synthetic row, its parents and interpolation step.</param>
/// <param name="Labels">Per row of the whole set (originals first, then synthetic): 1 positive, 0 negative.</param>
/// <param name="Changes">One report per change, in the order applied.</param>
public sealed record ResampledTrainingSet(
    Dataset Source,
    IReadOnlyList<int> OriginalRows,
    Dataset Synthetic,
    IReadOnlyList<int> SyntheticLabels,
    IReadOnlyList<SyntheticOrigin> SyntheticOrigins,
    IReadOnlyList<int> Labels,
    IReadOnlyList<ChangeReport> Changes)
{
    public int RowCount => OriginalRows.Count + Synthetic.RowCount;

    /// <summary>True when a row of the whole set (see <see cref="Labels"/>) is synthetic.</summary>
    public bool IsSynthetic(int row) => row >= OriginalRows.Count;

    public IReadOnlyList<ResamplingWarning> Warnings => Changes.SelectMany(c => c.Warnings).ToArray();

    /// <summary>The least exact neighbour search any change used.</summary>
    public NeighbourSearchKind Search => Changes.Count == 0 ? NeighbourSearchKind.None : Changes.Max(c => c.Search);

    /// <summary>Rows whose neighbours were searched by brute force, over every change.</summary>
    public int NeighboursSearched => Changes.Sum(c => c.NeighboursSearched);

    /// <summary>Rows whose neighbours came from the session's <see cref="NeighbourCache"/> instead of a search, over every change.</summary>
    public int NeighboursReused => Changes.Sum(c => c.NeighboursReused);

    /// <summary>The whole training set as one data set (originals, then synthetic rows), e.g. to write it out.</summary>
    public Dataset ToDataset() => DatasetConcatenation.Append(Source.SelectRows(OriginalRows.ToArray()), Synthetic);
}
