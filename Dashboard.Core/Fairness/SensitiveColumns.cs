using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Fairness;

/// <summary>
/// Which columns of a data set can be a room's sensitive column: one whose groups a class can compare side by side
/// (a category per group, or a numeric column's quartiles), the target aside.
/// </summary>
public static class SensitiveColumns
{
    /// <summary>
    /// The most groups a sensitive column may have (its categories, plus "(missing)"): beyond a dozen, each group's
    /// test rows are too few for its rates to mean much, and the table no longer fits a card.
    /// </summary>
    public const int MaxGroups = 12;

    /// <summary>The columns that pass <see cref="Problem"/>, in the data set's order.</summary>
    public static IReadOnlyList<string> Candidates(LabeledDataset data) =>
        data.Data.Columns.Where(c => Problem(data, c.Name) is null).Select(c => c.Name).ToArray();

    /// <summary>Null when <paramref name="column"/> can be the sensitive column, else the sentence saying why not and what to pick.</summary>
    public static string? Problem(LabeledDataset data, string column)
    {
        if (!data.Data.HasColumn(column))
        {
            return $"This data set has no column '{column}'. Pick one of: {string.Join(", ", Candidates(data))}.";
        }
        if (column == data.TargetColumn)
        {
            return $"'{column}' is what the models predict; the sensitive column must be another one (e.g. gender or an age band).";
        }
        var values = data.Data.Column(column);
        if (values.LooksLikeIdentifier)
        {
            return $"'{column}' has a different value in nearly every row, so each group would be one person. " +
                   "Pick a column with a few groups (e.g. gender, an ethnicity, an age band).";
        }
        var groups = values.Kind == ColumnKind.Numeric ? 2 : values.DistinctCount + (values.MissingCount > 0 ? 1 : 0);
        if (groups < 2) return $"'{column}' has the same value in every row: there are no groups to compare.";
        if (groups > MaxGroups)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'{column}' has {groups} groups; a sensitive column can have at most {MaxGroups}, so each group keeps enough test rows to compare.");
        }
        return null;
    }
}
