namespace Dashboard.Core.Data;

/// <summary>
/// The column an uploaded file most likely wants predicted, and why in words, so the user can confirm it before
/// anything trains. The last column is a guess many files break (an id, a date or a 12-class column at the end).
/// </summary>
/// <param name="Column">The proposed target.</param>
/// <param name="Reason">Why this column, for the user: its values and the rule that chose it.</param>
public sealed record TargetProposal(string Column, string Reason)
{
    /// <summary>Column names that say "this is what to predict" (compared without case, spaces, '-' or '_').</summary>
    public static readonly IReadOnlyList<string> TargetNames = ["target", "label", "class", "outcome", "y"];

    /// <summary>The most classes a proposed column may have: more is rarely an outcome, and a card shows one class against the rest.</summary>
    public const int MaxProposedClasses = 10;

    /// <summary>
    /// In this order: a binary column named like a target; any binary column (the last one: files tend to put the
    /// outcome last); a column named like a target with at most <see cref="MaxProposedClasses"/> classes; any such
    /// low-cardinality column (the last); else the last column. Identifier-like columns are never proposed.
    /// </summary>
    public static TargetProposal Propose(Dataset dataset)
    {
        var columns = dataset.Columns.Where(c => !c.LooksLikeIdentifier && c.DistinctCount >= 2).ToArray();
        bool Binary(DataColumn c) => c.DistinctCount == 2;
        bool Few(DataColumn c) => c.DistinctCount <= MaxProposedClasses;
        var named = columns.Where(IsNamedLikeATarget).ToArray();
        if (named.LastOrDefault(Binary) is { } namedBinary)
        {
            return new(namedBinary.Name, $"it is named like a target and has two values ({Values(namedBinary)}).");
        }
        if (columns.LastOrDefault(Binary) is { } binary)
        {
            var others = columns.Count(Binary) - 1;
            return new(binary.Name, $"it has two values ({Values(binary)}), a yes/no outcome" +
                (others > 0 ? $"; of the {others + 1} two-valued columns it is the last, where files tend to put the outcome." : "."));
        }
        if (named.LastOrDefault(Few) is { } namedFew)
        {
            return new(namedFew.Name, $"it is named like a target and has {namedFew.DistinctCount} classes ({Values(namedFew)}); each card compares one against the rest.");
        }
        if (columns.LastOrDefault(c => c.Kind == ColumnKind.Categorical && Few(c)) is { } few)
        {
            return new(few.Name, $"no column has two values; it has {few.DistinctCount} classes ({Values(few)}); each card compares one against the rest.");
        }
        var last = dataset.Columns[^1];
        return new(last.Name, "no column has two values or a few classes, so it is the last column; check it is what you want to predict.");
    }

    private static bool IsNamedLikeATarget(DataColumn column)
    {
        var name = new string(column.Name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return TargetNames.Contains(name);
    }

    /// <summary>Up to four of a column's values, in order of first appearance.</summary>
    private static string Values(DataColumn column)
    {
        var values = Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).Select(column.FormatValue).Distinct().Take(5).ToArray();
        var shown = string.Join(", ", values.Take(4));
        return values.Length > 4 ? shown + ", …" : shown;
    }
}
