using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Explanations;

/// <summary>The test rows in a picked cell of a card's confusion matrix, and which of their values the panel shows.</summary>
public static class CellRows
{
    /// <summary>
    /// The cell's rows, the model's most confident first (highest score for a predicted positive, lowest for a predicted
    /// negative): for a mistake these are the most striking, for a hit the clearest.
    /// </summary>
    public static IReadOnlyList<CellRow> Of(FeaturizedSplit split, AlgorithmResult result, CellChoice choice, IReadOnlyList<string> columns)
    {
        var data = split.Data.Data;
        var shown = columns.Select(data.Column).ToArray();
        var testRows = split.Split.TestRows;
        var rows = ConfusionCells.RowsIn(result.TestScores, result.TestLabels, choice.Threshold, choice.Cell)
            .Select(i => new CellRow(i, testRows[i], result.TestScores[i], shown.Select(c => c.FormatValue(testRows[i])).ToArray()));
        var predictedPositive = choice.Cell is ConfusionCell.TruePositive or ConfusionCell.FalsePositive;
        return (predictedPositive ? rows.OrderByDescending(r => r.Score) : rows.OrderBy(r => r.Score)).ThenBy(r => r.TestRow).ToArray();
    }

    /// <summary>The columns the list shows: the data set's most important ones (the ranking the default sliders come from).</summary>
    public static IReadOnlyList<string> ColumnsToShow(DatasetWorkspace workspace, int count = 3) =>
        workspace.Importance.Select(i => i.Column).Where(workspace.Split.Data.Data.HasColumn).Take(count).ToArray();

    /// <summary>One row's value in every feature column, for the waterfall's labels ("sex = male").</summary>
    public static IReadOnlyDictionary<string, string> ValuesOf(LabeledDataset data, int dataRow) =>
        data.FeatureNames.Where(data.Data.HasColumn).ToDictionary(name => name, name => data.Data.Column(name).FormatValue(dataRow));
}
