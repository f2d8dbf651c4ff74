using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Fairness;

/// <summary>
/// Which group each row of a data set belongs to, for a sensitive column (or a candidate proxy): a
/// categorical column's categories, or a numeric column's quartiles of the training rows. A missing
/// value is a group of its own, "(missing)", because whether a value is blank can itself differ by group.
/// </summary>
/// <param name="Column">The column the groups come from.</param>
/// <param name="Names">Group names, indexed by code; a numeric column's bins in rising order.</param>
/// <param name="Codes">Per row of the data set, the index into <paramref name="Names"/>.</param>
public sealed record GroupAssignment(string Column, IReadOnlyList<string> Names, IReadOnlyList<int> Codes)
{
    /// <summary>The name of the group of rows whose value is missing.</summary>
    public const string MissingGroup = "(missing)";

    /// <summary>
    /// Groups for every row of <paramref name="column"/>. A numeric column is cut at the 25th, 50th and 75th
    /// percentiles of its <paramref name="trainRows"/> values (linear interpolation, numpy's default), so the
    /// test rows are binned by cuts they did not choose; equal cuts (a column with few values) are merged, so
    /// there may be fewer than four bins.
    /// </summary>
    public static GroupAssignment Of(DataColumn column, IReadOnlyList<int> trainRows) => column switch
    {
        CategoricalColumn categorical => OfCategories(categorical),
        NumericColumn numeric => OfQuartiles(numeric, trainRows),
        _ => throw new ArgumentException($"Column '{column.Name}' is of an unknown kind.", nameof(column)),
    };

    /// <summary>The codes of the given rows, in their order.</summary>
    public int[] CodesOf(IReadOnlyList<int> rows)
    {
        var codes = new int[rows.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = Codes[rows[i]];
        return codes;
    }

    private static GroupAssignment OfCategories(CategoricalColumn column)
    {
        var names = column.Categories.ToList();
        var missing = column.MissingCount > 0 ? names.Count : -1;
        if (missing >= 0) names.Add(MissingGroup);
        var codes = new int[column.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            codes[row] = column[row] == CategoricalColumn.MissingCode ? missing : column[row];
        }
        return new GroupAssignment(column.Name, names, codes);
    }

    private static GroupAssignment OfQuartiles(NumericColumn column, IReadOnlyList<int> trainRows)
    {
        var sorted = trainRows.Select(r => column[r]).Where(double.IsFinite).Order().ToArray();
        var cuts = sorted.Length == 0
            ? []
            : new[] { 0.25, 0.5, 0.75 }.Select(q => Percentile(sorted, q)).Distinct().ToArray();
        var names = new List<string>(cuts.Length + 2);
        for (var bin = 0; bin <= cuts.Length; bin++)
        {
            names.Add(bin == 0 ? (cuts.Length == 0 ? "(all)" : $"< {Format(cuts[0])}")
                : bin == cuts.Length ? $"≥ {Format(cuts[^1])}"
                : $"[{Format(cuts[bin - 1])}, {Format(cuts[bin])})");
        }
        var missing = column.MissingCount > 0 ? names.Count : -1;
        if (missing >= 0) names.Add(MissingGroup);
        var codes = new int[column.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var value = column[row];
            if (double.IsNaN(value))
            {
                codes[row] = missing;
                continue;
            }
            // The bin is the number of cuts at or below the value: [cut_k, cut_k+1).
            var bin = 0;
            while (bin < cuts.Length && value >= cuts[bin]) bin++;
            codes[row] = bin;
        }
        return new GroupAssignment(column.Name, names, codes);
    }

    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
