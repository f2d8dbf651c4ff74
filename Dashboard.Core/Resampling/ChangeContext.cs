using System.Globalization;
using Dashboard.Core.Common;

namespace Dashboard.Core.Resampling;

/// <summary>What the steps of one change share: the rows, the seed, the limits, and what the report will say.</summary>
/// <param name="space">The cached identity of the feature space, when <see cref="ResamplingOptions.Neighbours"/> is set.</param>
internal sealed class ChangeContext(WorkingSet work, ResamplingOptions options, int seed, int changeIndex, CancellationToken cancellationToken,
    NeighbourSpace? space = null)
{
    private readonly List<string> _methods = [];

    public WorkingSet Work { get; } = work;

    public ResamplingOptions Options { get; } = options;

    public NeighbourSpace? Space { get; } = space;

    public int ChangeIndex { get; } = changeIndex;

    public CancellationToken Cancellation { get; } = cancellationToken;

    public List<ResamplingWarning> Warnings { get; } = [];

    public NeighbourSearchKind Search { get; private set; } = NeighbourSearchKind.None;

    public int? KUsed { get; private set; }

    public int NeighboursSearched { get; private set; }

    public int NeighboursReused { get; private set; }

    public int RowsAdded { get; private set; }

    public int RowsRemoved { get; private set; }

    public string Method => _methods.Count == 0 ? "none" : string.Join(" + ", _methods);

    /// <summary>An independent random stream per change and purpose, so one step's draws never shift another's.</summary>
    public SeededRandom Random(string purpose) => SeededRandom.For(seed, $"resampling/{ChangeIndex}/{purpose}");

    public void AddRow(int entry)
    {
        Work.Append(entry);
        RowsAdded++;
    }

    /// <summary>Adds the synthetic rows first .. first + count - 1, in order.</summary>
    public void AddSyntheticRows(int first, int count)
    {
        Work.AppendSynthetic(first, count);
        RowsAdded += count;
    }

    /// <summary>Removes rows by position; every position list taken before this call is stale afterwards.</summary>
    public void RemoveRows(IReadOnlyCollection<int> positions)
    {
        Work.RemovePositions(positions);
        RowsRemoved += positions.Count;
    }

    /// <summary>Every working-set position of a class (or, with <paramref name="other"/>, of the other class).</summary>
    public List<int> PositionsOfClass(int label, bool other = false) => Work.PositionsWhere(e => (Work.LabelOf(e) == label) != other);

    public List<int> AllPositions() => Enumerable.Range(0, Work.Count).ToList();

    public void Warn(ResamplingWarningKind kind, string message) => Warnings.Add(new ResamplingWarning(kind, message));

    public void UsedMethod(string name)
    {
        if (!_methods.Contains(name)) _methods.Add(name);
    }

    public void UsedK(int k) => KUsed = KUsed is { } used ? Math.Min(used, k) : k;

    public void SearchedNeighbours(int queries)
    {
        NeighboursSearched += queries;
        Options.Neighbours?.CountSearched(queries);
    }

    public void ReusedNeighbours(int queries) => NeighboursReused += queries;

    public void Searched(NeighbourSearchKind kind) => Search = (NeighbourSearchKind)Math.Max((int)Search, (int)kind);

    /// <summary>A class's name quoted for messages.</summary>
    public string ClassName(int label) => $"'{Work.Space.Data.ClassName(label)}'";

    public static string Share(double share) => share.ToString("0.###", CultureInfo.InvariantCulture);
}
