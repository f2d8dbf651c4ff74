namespace Dashboard.Core.Data;

/// <summary>How a column's values are read: numbers, or text labels (categories).</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
}
