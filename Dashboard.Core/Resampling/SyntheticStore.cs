using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The synthetic rows made so far, feature by feature, with their parents. Parents are working-set
/// entries (a real row index, or ~id of an earlier synthetic row) so chains across changes can be
/// followed back to real rows when the result is built. Feature values live in arrays of exactly
/// <see cref="Count"/> rows, so the result can take them as its columns without a copy.
/// </summary>
internal sealed class SyntheticStore
{
    private readonly double[][] _numeric;
    private readonly int[][] _codes;
    // Arrays of exactly Count rows, like the feature values; the first batch's arrays are taken as they are.
    private int[] _labels = [];
    private int[] _baseEntries = [];
    private int[] _neighbourEntries = [];
    private double[] _steps = [];
    private int[] _changes = [];
    private int[] _targetSources = [];
    // Regression only: each row's own target value (interpolated or perturbed); unset for classification.
    private double[] _targets = [];

    public SyntheticStore(int numericFeatures, int categoricalFeatures)
    {
        _numeric = Enumerable.Range(0, numericFeatures).Select(_ => Array.Empty<double>()).ToArray();
        _codes = Enumerable.Range(0, categoricalFeatures).Select(_ => Array.Empty<int>()).ToArray();
    }

    public int Count => _labels.Length;

    public int Label(int id) => _labels[id];

    /// <summary>Every synthetic row's label; regression relabels new rows from their target value.</summary>
    public Span<int> Labels => _labels;

    /// <summary>A synthetic row's target value (regression only).</summary>
    public double Target(int id) => _targets[id];

    /// <summary>Every synthetic row's target value (regression only); valid until rows are next added.</summary>
    public Span<double> Targets => _targets;

    public double Numeric(int feature, int id) => _numeric[feature][id];

    public int Code(int feature, int id) => _codes[feature][id];

    /// <summary>The entry a synthetic row was made from (its base parent).</summary>
    public int BaseEntry(int id) => _baseEntries[id];

    /// <summary>The real row whose target value a synthetic row copies (its base parent's, followed back to a real row).</summary>
    public int TargetSource(int id) => _targetSources[id];

    /// <summary>
    /// Appends <paramref name="baseEntries"/>.Length rows with their parents and returns the first id. Their
    /// feature values are not set: the caller must fill every one through <see cref="NumericValues"/> and <see cref="Codes"/>.
    /// The store may keep the given arrays as its own, so the caller must not change them afterwards.
    /// </summary>
    public int AddRows(int label, int[] baseEntries, int[] neighbourEntries, double[] steps, int changeIndex, int[] targetSources)
    {
        var first = Count;
        var count = baseEntries.Length;
        // Grown to the exact size (a call adds one batch per pool, so a few per slider move), not doubled as a list would be.
        for (var f = 0; f < _numeric.Length; f++) _numeric[f] = Grown(_numeric[f], first + count);
        for (var c = 0; c < _codes.Length; c++) _codes[c] = Grown(_codes[c], first + count);
        _targets = Grown(_targets, first + count);
        _labels = Joined(_labels, Filled(count, label));
        _baseEntries = Joined(_baseEntries, baseEntries);
        _neighbourEntries = Joined(_neighbourEntries, neighbourEntries);
        _steps = Joined(_steps, steps);
        _changes = Joined(_changes, Filled(count, changeIndex));
        _targetSources = Joined(_targetSources, targetSources);
        return first;
    }

    /// <summary>Every synthetic row's value of a numeric feature; valid until rows are next added.</summary>
    public Span<double> NumericValues(int feature) => _numeric[feature];

    /// <summary>Every synthetic row's code of a categorical feature; valid until rows are next added.</summary>
    public Span<int> Codes(int feature) => _codes[feature];

    /// <summary>The labels of the given synthetic rows, in order.</summary>
    public int[] LabelsOf(int[] ids) => Gather<int>(_labels, ids);

    /// <summary>Where each of the given synthetic rows came from, in order.</summary>
    public SyntheticOrigin[] OriginsOf(int[] ids)
    {
        var origins = new SyntheticOrigin[ids.Length];
        for (var i = 0; i < origins.Length; i++) origins[i] = OriginOf(ids[i]);
        return origins;
    }

    private SyntheticOrigin OriginOf(int id)
    {
        var (baseEntry, neighbourEntry) = (_baseEntries[id], _neighbourEntries[id]);
        return new SyntheticOrigin(NearestRealAncestor(baseEntry), NearestRealAncestor(neighbourEntry), _steps[id], _changes[id],
            FromRealParents: baseEntry >= 0 && neighbourEntry >= 0);
    }

    /// <summary>A real row is its own ancestor; a synthetic one lies nearer its base when u &lt; 0.5, else nearer its neighbour.</summary>
    private int NearestRealAncestor(int entry)
    {
        while (entry < 0)
        {
            var id = ~entry;
            entry = _steps[id] < 0.5 ? _baseEntries[id] : _neighbourEntries[id];
        }
        return entry;
    }

    /// <summary>
    /// The given synthetic rows (in order, ids may repeat) as a data set with the source's columns. When they are every
    /// row in order, the common case, the feature arrays become the columns as they are, so the store must not change afterwards.
    /// </summary>
    public Dataset ToDataset(FeatureSpace space, int[] ids)
    {
        var source = space.Data.Data;
        var columns = new DataColumn[source.Columns.Count];
        var everyRow = IsEveryRow(ids);
        Parallel.For(0, columns.Length, i =>
        {
            var column = source.Columns[i];
            var numeric = Array.IndexOf(space.Numeric, column);
            var categorical = Array.IndexOf(space.Categorical, column);
            columns[i] =
                numeric >= 0 ? new NumericColumn(column.Name, everyRow ? _numeric[numeric] : Gather(_numeric[numeric], ids)) :
                categorical >= 0 ? new CategoricalColumn(column.Name, everyRow ? _codes[categorical] : Gather(_codes[categorical], ids),
                    space.Categorical[categorical].Categories.ToArray()) :
                column.Name == space.Data.TargetColumn && space.Data.Regression is not null
                    ? new NumericColumn(column.Name, everyRow ? _targets : Gather(_targets, ids)) :
                column.Name == space.Data.TargetColumn ? column.SelectRows(Gather<int>(_targetSources, ids)) :
                Missing(column, ids.Length);
        });
        return new Dataset(source.Name, columns, source.Warnings);
    }

    private bool IsEveryRow(int[] ids)
    {
        if (ids.Length != Count) return false;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] != i) return false;
        }
        return true;
    }

    /// <summary>A longer copy whose new cells are left unset (the caller fills them), so no time goes into zeroing them first.</summary>
    private static T[] Grown<T>(T[] values, int length)
    {
        var grown = GC.AllocateUninitializedArray<T>(length);
        values.CopyTo(grown, 0);
        return grown;
    }

    /// <summary>The rows so far followed by the new ones; the new array itself when there were none (the first batch, the common case), so nothing is copied.</summary>
    private static T[] Joined<T>(T[] values, T[] added) => values.Length == 0 ? added : [.. values, .. added];

    private static T[] Gather<T>(ReadOnlySpan<T> span, int[] ids)
    {
        var result = new T[ids.Length];
        for (var i = 0; i < result.Length; i++) result[i] = span[ids[i]];
        return result;
    }

    private static T[] Filled<T>(int count, T value)
    {
        var values = new T[count];
        Array.Fill(values, value);
        return values;
    }

    private static DataColumn Missing(DataColumn column, int count) => column switch
    {
        NumericColumn => new NumericColumn(column.Name, Filled(count, double.NaN)),
        CategoricalColumn c => new CategoricalColumn(column.Name, Filled(count, CategoricalColumn.MissingCode), c.Categories.ToArray()),
        _ => throw new InvalidOperationException("Unknown column type."),
    };
}
