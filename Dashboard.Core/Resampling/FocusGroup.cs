using System.Text.Json.Serialization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>The training rows a slider acts on: one class, one category of a feature, or a range of a numeric feature.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ClassGroup), "class")]
[JsonDerivedType(typeof(CategoryGroup), "category")]
[JsonDerivedType(typeof(NumericRangeGroup), "range")]
[JsonDerivedType(typeof(TargetRangeGroup), "target-range")]
public abstract record FocusGroup
{
    private protected FocusGroup()
    {
    }

    /// <summary>A short description for the readout, e.g. "class 'yes'", "embarked = Q", "fare ≥ 31.275".</summary>
    public abstract string Describe(LabeledDataset data);

    internal abstract BoundGroup Bind(FeatureSpace space);

    /// <summary>The feature column a feature group names, or a clear error when it is not a feature of the right kind.</summary>
    private protected static int FeatureIndex(FeatureSpace space, string column, ColumnKind kind)
    {
        var data = space.Data;
        var index = kind == ColumnKind.Numeric ? space.NumericIndexOf(column) : space.CategoricalIndexOf(column);
        if (index >= 0) return index;
        if (data.Data.HasColumn(column) && data.FeatureNames.Contains(column)) throw KindMismatch(data, column);
        throw new DatasetException(DataProblem.UnknownColumn,
            $"'{column}' is not a feature of '{data.Data.Name}', so it cannot have a slider. Features: {string.Join(", ", data.FeatureNames)}.",
            data.Data.Name, column: column);
    }

    /// <summary>The error for a category asked of a numeric column, or a range of a categorical one.</summary>
    private protected static DatasetException KindMismatch(LabeledDataset data, string column)
    {
        var numeric = data.Data.Column(column).Kind == ColumnKind.Numeric;
        return new DatasetException(DataProblem.InvalidSetting,
            $"The column '{column}' is {(numeric ? "numeric" : "categorical")}, so its slider needs {(numeric ? "a range, not a category" : "a category, not a range")}.",
            data.Data.Name, column: column);
    }
}
