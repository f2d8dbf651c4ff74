using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Core.Rooms;

/// <summary>How many of some rows fall in a focus group: the neutral position of a slider.</summary>
public static class FocusGroupShare
{
    public static int Count(FocusGroup group, LabeledDataset data, IReadOnlyList<int> rows) => Members(group, data, rows).Count();

    /// <summary>The rows (of <paramref name="rows"/>, in their order) that are in the group.</summary>
    public static IEnumerable<int> Members(FocusGroup group, LabeledDataset data, IReadOnlyList<int> rows) => group switch
    {
        ClassGroup g => rows.Where(r => data.Labels[r] == g.Label),
        CategoryGroup g => InCategory(data, g, rows),
        NumericRangeGroup g => InRange(data, g, rows),
        TargetRangeGroup g => data.Regression is { } regression ? rows.Where(r => regression.Values[r] >= g.Lo && regression.Values[r] < g.Hi) : [],
        _ => throw new ArgumentException("Unknown focus group.", nameof(group)),
    };

    /// <summary>The group's share of the rows, between 0 and 1.</summary>
    public static double Of(FocusGroup group, LabeledDataset data, IReadOnlyList<int> rows) =>
        rows.Count == 0 ? 0 : (double)Count(group, data, rows) / rows.Count;

    private static IEnumerable<int> InCategory(LabeledDataset data, CategoryGroup group, IReadOnlyList<int> rows)
    {
        // A column of the other kind holds no row of the group.
        if (data.Data.Column(group.Column) is not CategoricalColumn column) return [];
        var code = column.CodeOf(group.Category);
        return code < 0 ? [] : rows.Where(r => column[r] == code);
    }

    private static IEnumerable<int> InRange(LabeledDataset data, NumericRangeGroup group, IReadOnlyList<int> rows)
    {
        if (data.Data.Column(group.Column) is not NumericColumn column) return [];
        return rows.Where(r => column[r] >= group.Lo && column[r] < group.Hi);
    }
}
