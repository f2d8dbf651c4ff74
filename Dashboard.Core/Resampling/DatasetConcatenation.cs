using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>Stacks two data sets with the same columns (same names, kinds and category lists) row-wise.</summary>
internal static class DatasetConcatenation
{
    public static Dataset Append(Dataset first, Dataset second)
    {
        var columns = new DataColumn[first.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = (first.Columns[i], second.Columns[i]) switch
            {
                (NumericColumn a, NumericColumn b) => new NumericColumn(a.Name, [.. a.Values, .. b.Values]),
                (CategoricalColumn a, CategoricalColumn b) when a.Categories.SequenceEqual(b.Categories) =>
                    new CategoricalColumn(a.Name, [.. a.Codes, .. b.Codes], a.Categories.ToArray()),
                var (a, _) => throw new InvalidOperationException($"Column '{a.Name}' differs between the data sets being stacked."),
            };
        }
        return new Dataset(first.Name, columns, first.Warnings);
    }
}
