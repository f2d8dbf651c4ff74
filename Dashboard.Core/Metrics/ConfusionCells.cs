namespace Dashboard.Core.Metrics;

/// <summary>
/// Which rows fall in which cell of the confusion matrix, with the rule every metric here uses: a row is predicted
/// positive when its score is at or above the threshold (scikit-learn's <c>scores &gt;= threshold</c>), so a cell's rows
/// are exactly the ones its count in <see cref="ScoredPredictions.MetricsAt"/> counts.
/// </summary>
public static class ConfusionCells
{
    /// <summary>The cell of one row: its label (1 = positive) and whether its score reaches the threshold.</summary>
    public static ConfusionCell Of(int label, double score, double threshold) => (label == 1, score >= threshold) switch
    {
        (false, false) => ConfusionCell.TrueNegative,
        (false, true) => ConfusionCell.FalsePositive,
        (true, false) => ConfusionCell.FalseNegative,
        (true, true) => ConfusionCell.TruePositive,
    };

    /// <summary>The positions (in the order given, e.g. test-row order) of the rows that fall in <paramref name="cell"/>.</summary>
    public static IReadOnlyList<int> RowsIn(IReadOnlyList<double> scores, IReadOnlyList<int> labels, double threshold, ConfusionCell cell)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores and {labels.Count} labels were given; each row needs one of each.", nameof(labels));
        }
        var rows = new List<int>();
        for (var i = 0; i < scores.Count; i++)
        {
            if (Of(labels[i], scores[i], threshold) == cell) rows.Add(i);
        }
        return rows;
    }

    /// <summary>The cell's count in a confusion matrix.</summary>
    public static int CountIn(this ConfusionMatrix confusion, ConfusionCell cell) => cell switch
    {
        ConfusionCell.TrueNegative => confusion.TrueNegatives,
        ConfusionCell.FalsePositive => confusion.FalsePositives,
        ConfusionCell.FalseNegative => confusion.FalseNegatives,
        _ => confusion.TruePositives,
    };

    /// <summary>The short name the matrix shows in the cell ("FP").</summary>
    public static string ShortName(this ConfusionCell cell) => cell switch
    {
        ConfusionCell.TrueNegative => "TN",
        ConfusionCell.FalsePositive => "FP",
        ConfusionCell.FalseNegative => "FN",
        _ => "TP",
    };

    /// <summary>The cell's name in words ("false positive").</summary>
    public static string Describe(this ConfusionCell cell) => cell switch
    {
        ConfusionCell.TrueNegative => "true negative",
        ConfusionCell.FalsePositive => "false positive",
        ConfusionCell.FalseNegative => "false negative",
        _ => "true positive",
    };
}
