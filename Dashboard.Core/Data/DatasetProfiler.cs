using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>Builds profiles and value distributions of data sets.</summary>
public static class DatasetProfiler
{
    public const int DefaultBins = 20;

    public static DatasetProfile Profile(Dataset dataset, LabeledDataset? labeled = null)
    {
        var excluded = labeled?.ExcludedColumns ?? LabeledDataset.DefaultExclusions(dataset);
        var columns = dataset.Columns.Select(column =>
        {
            double? min = null, max = null, mean = null;
            if (column is NumericColumn numeric && numeric.MissingCount < numeric.Length)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity, sum = 0;
                var n = 0;
                foreach (var v in numeric.Values)
                {
                    if (double.IsNaN(v)) continue;
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                    sum += v;
                    n++;
                }
                (min, max, mean) = (lo, hi, sum / n);
            }
            return new ColumnProfile(column.Name, column.Kind, column.MissingCount, column.DistinctCount,
                column.LooksLikeIdentifier, excluded.Contains(column.Name), column.Name == labeled?.TargetColumn, min, max, mean);
        }).ToArray();

        var classCounts = Array.Empty<ClassCount>();
        if (labeled is not null)
        {
            var total = (double)labeled.RowCount;
            classCounts =
            [
                new ClassCount(labeled.PositiveClass, labeled.PositiveCount, labeled.PositiveCount / total, true),
                new ClassCount(labeled.NegativeClass, labeled.NegativeCount, labeled.NegativeCount / total, false),
            ];
        }
        return new DatasetProfile(dataset.Name, dataset.RowCount, labeled?.TargetColumn, labeled?.PositiveClass,
            classCounts, columns, labeled?.Warnings ?? dataset.Warnings)
        {
            Task = labeled?.Task,
            TaskReason = labeled?.TaskReason,
            Relevance = labeled?.Regression?.Relevance is { } relevance
                ? string.Create(CultureInfo.InvariantCulture, $"relevance {relevance.Describe()}; rare = relevance ≥ {relevance.Threshold:0.##}")
                : null,
        };
    }

    /// <summary>
    /// The distribution of a column over some rows (all rows when <paramref name="rows"/> is null).
    /// Pass <paramref name="binEdges"/> to reuse another distribution's bins (before/after plots).
    /// </summary>
    public static Distribution Distribution(DataColumn column, IReadOnlyList<int>? rows = null,
        IReadOnlyList<int>? labelsByRow = null, int bins = DefaultBins, IReadOnlyList<double>? binEdges = null)
    {
        var count = rows?.Count ?? column.Length;
        int RowAt(int i) => rows is null ? i : rows[i];
        return column switch
        {
            NumericColumn numeric => NumericDistribution(numeric, count, RowAt, labelsByRow, bins, binEdges),
            CategoricalColumn categorical => CategoricalDistribution(categorical, count, RowAt, labelsByRow),
            _ => throw new InvalidOperationException("Unknown column type."),
        };
    }

    private static Distribution NumericDistribution(NumericColumn column, int count, Func<int, int> rowAt,
        IReadOnlyList<int>? labels, int bins, IReadOnlyList<double>? binEdges)
    {
        var edges = binEdges?.ToArray() ?? EqualWidthEdges(column, count, rowAt, bins);
        var binCount = edges.Length - 1;
        var counts = new int[binCount];
        var byClass = labels is null ? null : new[] { new int[binCount], new int[binCount] };
        var missing = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rowAt(i);
            var value = column[row];
            if (double.IsNaN(value))
            {
                missing++;
                continue;
            }
            var bin = BinOf(edges, value);
            if (bin < 0) continue;
            counts[bin]++;
            if (byClass is not null) byClass[labels![row]][bin]++;
        }
        var names = Enumerable.Range(0, binCount)
            .Select(b => $"{edges[b].ToString("G4", CultureInfo.InvariantCulture)}–{edges[b + 1].ToString("G4", CultureInfo.InvariantCulture)}")
            .ToArray();
        return new Distribution(column.Name, ColumnKind.Numeric, names, edges, counts, byClass, missing);
    }

    private static double[] EqualWidthEdges(NumericColumn column, int count, Func<int, int> rowAt, int bins)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            var v = column[rowAt(i)];
            if (double.IsNaN(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (double.IsInfinity(lo)) return [0, 1];
        if (lo == hi) return [lo - 0.5, hi + 0.5];
        var edges = new double[bins + 1];
        for (var b = 0; b <= bins; b++) edges[b] = lo + (hi - lo) * b / bins;
        edges[bins] = hi;
        return edges;
    }

    private static int BinOf(double[] edges, double value)
    {
        if (value < edges[0] || value > edges[^1]) return -1;
        var index = Array.BinarySearch(edges, value);
        var bin = index >= 0 ? index : ~index - 1;
        return Math.Min(bin, edges.Length - 2);
    }

    private static Distribution CategoricalDistribution(CategoricalColumn column, int count, Func<int, int> rowAt, IReadOnlyList<int>? labels)
    {
        var categories = column.Categories.Count;
        var counts = new int[categories];
        var byClass = labels is null ? null : new[] { new int[categories], new int[categories] };
        var missing = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rowAt(i);
            var code = column[row];
            if (code == CategoricalColumn.MissingCode)
            {
                missing++;
                continue;
            }
            counts[code]++;
            if (byClass is not null) byClass[labels![row]][code]++;
        }
        return new Distribution(column.Name, ColumnKind.Categorical, column.Categories, [], counts, byClass, missing);
    }
}
