using System.Runtime.InteropServices;

namespace Dashboard.Core.Resampling;

/// <summary>
/// The training rows as the changes reshape them. Each position holds an entry: a real row index
/// (&gt;= 0) or the complement ~id of a synthetic row. An entry may appear at several positions
/// (random oversampling duplicates); removal works on positions and keeps the order of the rest.
/// </summary>
internal sealed class WorkingSet
{
    private List<int> _entries;

    public WorkingSet(FeatureSpace space, IReadOnlyList<int> trainRows)
    {
        Space = space;
        // Copied in one block (List's AddRange uses CopyTo for a collection), not element by element through the interface.
        _entries = new List<int>(trainRows.Count);
        _entries.AddRange(trainRows);
        Synthetic = new SyntheticStore(space.Numeric.Length, space.Categorical.Length);
    }

    public FeatureSpace Space { get; }

    public SyntheticStore Synthetic { get; }

    public int Count => _entries.Count;

    public List<int> Entries => _entries;

    public int EntryAt(int position) => _entries[position];

    public int LabelAt(int position) => LabelOf(_entries[position]);

    public int LabelOf(int entry) => entry >= 0 ? Space.Data.Labels[entry] : Synthetic.Label(~entry);

    public double NumericOf(int feature, int entry) => entry >= 0 ? Space.Numeric[feature][entry] : Synthetic.Numeric(feature, ~entry);

    public int CodeOf(int feature, int entry) => entry >= 0 ? Space.Categorical[feature][entry] : Synthetic.Code(feature, ~entry);

    /// <summary>The target value of a row (regression only).</summary>
    public double TargetOf(int entry) => entry >= 0 ? Space.Data.Regression!.Values[entry] : Synthetic.Target(~entry);

    public int TargetSourceOf(int entry) => entry >= 0 ? entry : Synthetic.TargetSource(~entry);

    public void Append(int entry) => _entries.Add(entry);

    /// <summary>Appends the synthetic rows first, first + 1, ..., first + count - 1 (as entries ~id) in one step.</summary>
    public void AppendSynthetic(int first, int count)
    {
        var start = _entries.Count;
        CollectionsMarshal.SetCount(_entries, start + count);
        var added = CollectionsMarshal.AsSpan(_entries).Slice(start);
        for (var i = 0; i < added.Length; i++) added[i] = ~(first + i);
    }

    public List<int> PositionsWhere(Func<int, bool> entryMatches)
    {
        var positions = new List<int>();
        for (var p = 0; p < _entries.Count; p++)
        {
            if (entryMatches(_entries[p])) positions.Add(p);
        }
        return positions;
    }

    /// <summary>Removes the given positions; positions of the remaining rows shift down, so callers re-select groups afterwards.</summary>
    public void RemovePositions(IEnumerable<int> positions)
    {
        var remove = new bool[_entries.Count];
        foreach (var p in positions) remove[p] = true;
        var kept = new List<int>(_entries.Count);
        for (var p = 0; p < _entries.Count; p++)
        {
            if (!remove[p]) kept.Add(_entries[p]);
        }
        _entries = kept;
    }

    /// <summary>The classes of the rows whose entries match, counted without listing their positions.</summary>
    public ClassSplit CountClassesWhere(Func<int, bool> entryMatches)
    {
        int total = 0, positive = 0;
        foreach (var entry in _entries)
        {
            if (!entryMatches(entry)) continue;
            total++;
            positive += LabelOf(entry);
        }
        return new ClassSplit(total - positive, positive);
    }

    public ClassSplit CountClasses(List<int> positions)
    {
        var positive = 0;
        foreach (var p in positions) positive += LabelAt(p);
        return new ClassSplit(positions.Count - positive, positive);
    }

    public ClassSplit CountClasses()
    {
        var positive = 0;
        foreach (var entry in _entries) positive += LabelOf(entry);
        return new ClassSplit(_entries.Count - positive, positive);
    }
}
