using Dashboard.Core.Data;

namespace Dashboard.Core.Fairness;

/// <summary>
/// Flags the columns that could stand in for a sensitive column: a model that never sees gender can still learn it
/// from a title or a first name. Each column is measured against the sensitive one by Cramér's V on the training
/// rows only (the rows a model learns from).
/// <para>
/// Why not plain Cramér's V on every column: V inflates with sparse tables. A column with a different value in
/// every row determines the sensitive value row by row, so its V is 1 whatever it holds, and with c rare
/// categories chance alone gives V ≈ sqrt((c − 1) / n) against a two-group sensitive column. So a categorical
/// column keeps its <see cref="MaxCategories"/> most frequent categories that have at least <see cref="MinCategoryRows"/> training
/// rows and merges the rest into "(other)": only categories with enough rows to show a pattern count, and a
/// column of unique identifiers falls into one "(other)" and scores 0. Normalised mutual information has the same
/// sparse-table bias and three competing normalisations; V over merged categories is the better-known number.
/// </para>
/// <para>
/// Identifier-like text columns (<see cref="DataColumn.LooksLikeIdentifier"/>, e.g. full names) are first read as
/// each row's most common word: the word of the row that appears in the most training rows ("Mr" in
/// "Abbing, Mr. Anthony", "Maria" in "Maria Garcia" when Maria is common). Titles and frequent first names then
/// become categories, which is how a name carries gender or ethnicity.
/// </para>
/// </summary>
public static class ProxyDetector
{
    /// <summary>
    /// V at or above this flags a possible proxy. 0.5 is Cohen's "large" association for a two-category sensitive
    /// column (df* = 1; 0.1 small, 0.3 medium): a column that strong lets a model recover much of the sensitive
    /// value. Lower thresholds flag most columns of a real data set (age or class differ a little by gender) and
    /// so stop meaning anything in a classroom.
    /// </summary>
    public const double ProxyThreshold = 0.5;

    /// <summary>The most categories a column keeps before the rest are merged into "(other)".</summary>
    public const int MaxCategories = 20;

    /// <summary>A category needs this many training rows to be kept on its own; rarer ones go to "(other)".</summary>
    public const int MinCategoryRows = 5;

    /// <summary>
    /// Scores each of <paramref name="columns"/> (default: every column but the sensitive one) against
    /// <paramref name="sensitiveColumn"/> on <paramref name="trainRows"/>, strongest first (ties in column order).
    /// </summary>
    public static IReadOnlyList<ProxyScore> Detect(Dataset data, string sensitiveColumn, IReadOnlyList<int> trainRows, IEnumerable<string>? columns = null)
    {
        var sensitive = GroupAssignment.Of(data.Column(sensitiveColumn), trainRows);
        var sensitiveCodes = sensitive.CodesOf(trainRows);
        var names = (columns ?? data.Columns.Select(c => c.Name)).Where(n => n != sensitiveColumn).ToArray();
        var scores = new List<ProxyScore>(names.Length);
        foreach (var name in names)
        {
            var (codes, categories, reading) = Read(data.Column(name), trainRows);
            var table = new int[sensitive.Names.Count, categories];
            for (var i = 0; i < codes.Length; i++) table[sensitiveCodes[i], codes[i]]++;
            var (v, defined) = CramersV(table);
            scores.Add(new ProxyScore(name, v, reading, UsedColumns(table), v >= ProxyThreshold, defined));
        }
        // OrderByDescending is stable, so equal scores keep the column order.
        return scores.OrderByDescending(s => s.CramersV).ToArray();
    }

    /// <summary>
    /// Cramér's V of a contingency table (rows: one variable's categories; columns: the other's), without bias
    /// correction: sqrt(χ² / (n · (min(r, c) − 1))) over the rows and columns with a non-zero total. Returns
    /// (0, false) when fewer than two rows or columns remain, where V divides by zero.
    /// </summary>
    public static (double Value, bool Defined) CramersV(int[,] table)
    {
        var rowTotals = new long[table.GetLength(0)];
        var columnTotals = new long[table.GetLength(1)];
        long n = 0;
        for (var r = 0; r < rowTotals.Length; r++)
        {
            for (var c = 0; c < columnTotals.Length; c++)
            {
                rowTotals[r] += table[r, c];
                columnTotals[c] += table[r, c];
                n += table[r, c];
            }
        }
        var rows = rowTotals.Count(t => t > 0);
        var columns = columnTotals.Count(t => t > 0);
        if (rows < 2 || columns < 2) return (0.0, false);
        var chiSquare = 0.0;
        for (var r = 0; r < rowTotals.Length; r++)
        {
            if (rowTotals[r] == 0) continue;
            for (var c = 0; c < columnTotals.Length; c++)
            {
                if (columnTotals[c] == 0) continue;
                var expected = (double)rowTotals[r] * columnTotals[c] / n;
                var difference = table[r, c] - expected;
                chiSquare += difference * difference / expected;
            }
        }
        // Rounding can push a perfect association a hair above 1.
        return (Math.Min(1.0, Math.Sqrt(chiSquare / (n * (Math.Min(rows, columns) - 1.0)))), true);
    }

    private static int UsedColumns(int[,] table)
    {
        var used = 0;
        for (var c = 0; c < table.GetLength(1); c++)
        {
            for (var r = 0; r < table.GetLength(0); r++)
            {
                if (table[r, c] == 0) continue;
                used++;
                break;
            }
        }
        return used;
    }

    /// <summary>The training rows' category codes (0 .. categories − 1) of a column, read as the class summary describes.</summary>
    private static (int[] Codes, int Categories, ProxyReading Reading) Read(DataColumn column, IReadOnlyList<int> trainRows)
    {
        if (column is NumericColumn)
        {
            var quartiles = GroupAssignment.Of(column, trainRows);
            return (quartiles.CodesOf(trainRows), quartiles.Names.Count, ProxyReading.Quartiles);
        }
        var text = (CategoricalColumn)column;
        var identifier = column.LooksLikeIdentifier;
        var keys = new string?[trainRows.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = text.IsMissing(trainRows[i]) ? null : text.FormatValue(trainRows[i]);
        if (identifier) keys = MostCommonWords(keys);
        var (codes, categories) = MergeRare(keys);
        return (codes, categories, identifier ? ProxyReading.MostCommonWord : ProxyReading.Categories);
    }

    /// <summary>Each value's word (a run of letters, compared without case) that appears in the most values; ties to the ordinally first word.</summary>
    private static string?[] MostCommonWords(string?[] values)
    {
        var words = Array.ConvertAll(values, v => v is null ? [] : Words(v));
        var rowsWith = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in words)
        {
            foreach (var word in row) rowsWith[word] = rowsWith.GetValueOrDefault(word) + 1;
        }
        return Array.ConvertAll(words, row => row.Length == 0
            ? null
            : row.OrderByDescending(w => rowsWith[w]).ThenBy(w => w, StringComparer.Ordinal).First());
    }

    private static string[] Words(string value)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var letter = i < value.Length && char.IsLetter(value[i]);
            if (letter && start < 0) start = i;
            if (!letter && start >= 0)
            {
                words.Add(value[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return [.. words];
    }

    /// <summary>
    /// Codes for the kept categories (most frequent first, at most <see cref="MaxCategories"/>, each with at least
    /// <see cref="MinCategoryRows"/> rows), then "(other)", then "(missing)" for a null.
    /// </summary>
    private static (int[] Codes, int Categories) MergeRare(string?[] keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key is not null) counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var kept = counts.Where(kv => kv.Value >= MinCategoryRows)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select((kv, code) => (kv.Key, code))
            .ToDictionary(p => p.Key, p => p.code, StringComparer.Ordinal);
        var other = kept.Count;
        var missing = other + 1;
        var codes = Array.ConvertAll(keys, k => k is null ? missing : kept.GetValueOrDefault(k, other));
        return (codes, kept.Count + 2);
    }
}
