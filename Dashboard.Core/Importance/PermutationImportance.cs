using Dashboard.Core.Common;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Core.Importance;

/// <summary>
/// Model-agnostic permutation importance per ORIGINAL column, on the test rows: every feature slot
/// of a column (all one-hot slots of a category, a number and its missing flag) is shuffled with
/// the same row permutation, so a column is judged as a whole.
/// </summary>
public static class PermutationImportance
{
    public const int DefaultRepeats = 5;

    /// <summary>Columns ranked by mean drop, largest first.</summary>
    public static IReadOnlyList<ColumnImportance> Compute(IBinaryClassifier model, FeaturizedSplit split,
        ImportanceMetric metric = ImportanceMetric.RocAuc, int repeats = DefaultRepeats, int seed = 42, double threshold = 0.5,
        CancellationToken cancellationToken = default)
    {
        var labels = split.TestLabels.ToArray();
        return Rank(split, features => Score(model, features, labels, metric, threshold), repeats, seed, cancellationToken);
    }

    /// <summary>For a regressor (numeric target): columns ranked by the mean drop of the test R² when they are shuffled.</summary>
    public static IReadOnlyList<ColumnImportance> Compute(IRegressor model, FeaturizedSplit split, int repeats = DefaultRepeats, int seed = 42,
        CancellationToken cancellationToken = default)
    {
        var actual = split.TestTargets ?? throw new ArgumentException("The split's target is not predicted as a number; rank with the classifier's overload.", nameof(split));
        return Rank(split, features => RegressionMetrics.R2Score(actual, model.Predict(features)), repeats, seed, cancellationToken);
    }

    private static IReadOnlyList<ColumnImportance> Rank(FeaturizedSplit split, Func<FeatureMatrix, double> score, int repeats, int seed,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var test = split.Test;
        var baseline = score(test);
        var random = SeededRandom.For(seed, "permutation-importance");
        var slotsByColumn = split.Featurizer.Slots
            .Select((slot, index) => (slot.SourceColumn, index))
            .GroupBy(p => p.SourceColumn, p => p.index);

        var permuted = new FeatureMatrix(test.Rows, test.Columns);
        var order = new int[test.Rows];
        var results = new List<ColumnImportance>();
        foreach (var column in slotsByColumn)
        {
            var slots = column.ToArray();
            var drops = new double[repeats];
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < order.Length; i++) order[i] = i;
                random.Shuffle<int>(order);
                test.Values.CopyTo(permuted.Values, 0);
                for (var row = 0; row < test.Rows; row++)
                {
                    var source = test.Row(order[row]);
                    var target = permuted.Row(row);
                    foreach (var slot in slots) target[slot] = source[slot];
                }
                drops[repeat] = baseline - score(permuted);
            }
            var mean = drops.Average();
            var spread = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length);
            results.Add(new ColumnImportance(column.Key, mean, spread, drops));
        }
        return results.OrderByDescending(r => r.MeanDrop).ThenBy(r => r.Column, StringComparer.Ordinal).ToArray();
    }

    private static double Score(IBinaryClassifier model, FeatureMatrix features, int[] labels, ImportanceMetric metric, double threshold)
    {
        var scores = Array.ConvertAll(model.PredictProbabilities(features), p => (double)p);
        var predictions = new ScoredPredictions(labels, scores);
        return metric == ImportanceMetric.RocAuc ? predictions.RocAuc : predictions.MetricsAt(threshold).F1;
    }
}
