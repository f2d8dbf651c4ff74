using Dashboard.Core.Common;
using Dashboard.Core.Training;

namespace Dashboard.Core.Explanations;

/// <summary>
/// Explains single rows of a trained model by each ORIGINAL column's contribution (its one-hot slots summed): exact
/// TreeSHAP for tree ensembles that show their trees, exact w_i·(x_i − mean_i) for the linear SVM's margin, and a
/// sampling Shapley estimate with standard errors for every other model (the MLP, EasyEnsemble, logistic regression,
/// the detectors), on its probability. The background is a seeded sample of training rows.
/// </summary>
public static class RowExplainer
{
    /// <param name="rows">The featurized rows to explain.</param>
    /// <param name="rowIds">Each row's index in the data set, for the report.</param>
    /// <param name="slots">The featurizer's slots: which original column each matrix column came from.</param>
    /// <param name="training">The training rows the background is drawn from.</param>
    public static IReadOnlyList<RowExplanation> Explain(string algorithmId, IBinaryClassifier model, FeatureMatrix rows, IReadOnlyList<int> rowIds,
        IReadOnlyList<FeatureSlot> slots, FeatureMatrix training, ExplanationOptions options, CancellationToken cancellationToken)
    {
        if (rows.Columns != slots.Count || training.Columns != slots.Count)
        {
            throw new ArgumentException($"The rows have {rows.Columns} columns and the training rows {training.Columns}, but the featurizer has {slots.Count} slots.");
        }
        if (rowIds.Count != rows.Rows) throw new ArgumentException($"{rows.Rows} rows need as many row ids; {rowIds.Count} were given.", nameof(rowIds));
        if (training.Rows == 0) throw new ArgumentException("Explanations need training rows to measure contributions from.", nameof(training));
        if (options.BackgroundRows < 1 || options.Samples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options,
                "Explanations need at least 1 background row and 2 samples (the standard error needs two); raise them.");
        }
        var random = SeededRandom.For(options.Seed, "explanations.background");
        var background = training.SelectRows(random.SampleWithoutReplacement(training.Rows, Math.Min(options.BackgroundRows, training.Rows)));
        var columns = slots.Select(s => s.SourceColumn).Distinct().ToArray();
        var groups = columns.Select(c => (IReadOnlyList<int>)Enumerable.Range(0, slots.Count).Where(i => slots[i].SourceColumn == c).ToArray()).ToArray();
        var explanations = new List<RowExplanation>(rows.Rows);
        for (var r = 0; r < rows.Rows; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows.Row(r);
            explanations.Add(model switch
            {
                ITreeExplainable { ExplainedTrees: { } trees } => FromSlots(ExplanationMethod.TreeShap, trees.Output,
                    InterventionalTreeShap.Explain(trees, row, background), trees.Value(row)),
                ILinearExplainable linear => FromSlots(ExplanationMethod.Linear, linear.Output, Linear(linear, row, background), LinearValue(linear, row)),
                _ => Sampled(SamplingShapley.Explain(model.PredictProbabilities, row, background, groups, options.Samples,
                    SeededRandom.For(options.Seed, $"explanations.samples.{rowIds[r]}"))),
            });

            RowExplanation FromSlots(ExplanationMethod method, string output, (double[] Slots, double BaseValue) shap, double value) =>
                Build(method, output, shap.BaseValue, value, groups.Select(g => new ColumnContribution("", g.Sum(i => shap.Slots[i]))));

            RowExplanation Sampled((double[] Values, double[] StandardErrors, double BaseValue, double Value) estimate) =>
                Build(ExplanationMethod.SamplingShapley, "probability", estimate.BaseValue, estimate.Value,
                    estimate.Values.Select((v, p) => new ColumnContribution("", v, estimate.StandardErrors[p])));

            RowExplanation Build(ExplanationMethod method, string output, double baseValue, double value, IEnumerable<ColumnContribution> byColumn) =>
                new(rowIds[r], algorithmId, method, output, baseValue, value, byColumn
                    .Select((c, p) => c with { Column = columns[p] })
                    .OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Column, StringComparer.Ordinal)
                    .ToArray());
        }
        return explanations;
    }

    /// <summary>w_i·(x_i − mean_i), with the background means; the base value is the margin at the mean row.</summary>
    private static (double[] Slots, double BaseValue) Linear(ILinearExplainable model, ReadOnlySpan<float> row, FeatureMatrix background)
    {
        var slots = new double[row.Length];
        var baseValue = model.Bias;
        for (var i = 0; i < row.Length; i++)
        {
            var mean = 0.0;
            for (var b = 0; b < background.Rows; b++) mean += background.Values[b * background.Columns + i];
            mean /= background.Rows;
            slots[i] = model.Weights[i] * (row[i] - mean);
            baseValue += model.Weights[i] * mean;
        }
        return (slots, baseValue);
    }

    private static double LinearValue(ILinearExplainable model, ReadOnlySpan<float> row)
    {
        var value = model.Bias;
        for (var i = 0; i < row.Length; i++) value += (double)model.Weights[i] * row[i];
        return value;
    }
}
