using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>The rows whose categorical feature <paramref name="Column"/> has the value <paramref name="Category"/>.</summary>
public sealed record CategoryGroup(string Column, string Category) : FocusGroup
{
    /// <summary>The default for a categorical slider: the category with the fewest training rows (the first in the column's order on a tie).</summary>
    public static CategoryGroup Rarest(LabeledDataset data, string column, IReadOnlyList<int> trainRows)
    {
        if (data.Data.Column(column) is not CategoricalColumn categorical)
        {
            throw KindMismatch(data, column);
        }
        var counts = new int[categorical.Categories.Count];
        foreach (var row in trainRows)
        {
            if (categorical[row] != CategoricalColumn.MissingCode) counts[categorical[row]]++;
        }
        var rarest = -1;
        for (var code = 0; code < counts.Length; code++)
        {
            if (counts[code] > 0 && (rarest < 0 || counts[code] < counts[rarest])) rarest = code;
        }
        if (rarest < 0)
        {
            throw new DatasetException(DataProblem.EmptyFocusGroup,
                $"The column '{column}' has no values in the training rows, so it has no category to put a slider on.", data.Data.Name, column: column);
        }
        return new CategoryGroup(column, categorical.Categories[rarest]);
    }

    public override string Describe(LabeledDataset data) => $"{Column} = {Category}";

    internal override BoundGroup Bind(FeatureSpace space)
    {
        var feature = FeatureIndex(space, Column, ColumnKind.Categorical);
        var column = space.Categorical[feature];
        var code = column.CodeOf(Category);
        if (code < 0)
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"'{Category}' is not a category of '{Column}'. Its categories are: {string.Join(", ", column.Categories)}.",
                space.Data.Data.Name, column: Column, value: Category);
        }
        return new Bound(Describe(space.Data), feature, code);
    }

    private sealed class Bound(string description, int feature, int code) : BoundGroup(description)
    {
        public override bool Contains(WorkingSet work, int entry) => work.CodeOf(feature, entry) == code;

        public override void KeepGroupValue(SyntheticStore store, int first, int count) => store.Codes(feature).Slice(first, count).Fill(code);
    }
}
