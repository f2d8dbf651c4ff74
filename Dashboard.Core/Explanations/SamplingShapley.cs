using Dashboard.Core.Common;
using Dashboard.Core.Training;

namespace Dashboard.Core.Explanations;

/// <summary>
/// Permutation-sampling Shapley values (Štrumbelj and Kononenko 2014) over groups of feature slots (the original
/// columns), for any model: each sample draws a background row z and an order of the columns, then switches the
/// columns from z's values to x's one by one, crediting each with the change of the model's output. The columns'
/// credits in one sample add up to f(x) − f(z), so the estimates add up to f(x) − base exactly; each column's
/// estimate has a standard error from the spread of its credits.
/// </summary>
internal static class SamplingShapley
{
    /// <param name="groups">For each player (an original column), the feature slots it moves together.</param>
    /// <param name="predict">The model's output for a batch of rows.</param>
    public static (double[] Values, double[] StandardErrors, double BaseValue, double Value) Explain(Func<FeatureMatrix, float[]> predict,
        ReadOnlySpan<float> row, FeatureMatrix background, IReadOnlyList<IReadOnlyList<int>> groups, int samples, SeededRandom random)
    {
        var players = groups.Count;
        var width = background.Columns;
        var steps = players + 1;
        var batch = new FeatureMatrix(samples * steps, width);
        var orders = new int[samples][];
        for (var s = 0; s < samples; s++)
        {
            var current = background.Row(random.NextInt(background.Rows)).ToArray();
            orders[s] = random.SampleWithoutReplacement(players, players);
            current.CopyTo(batch.Row(s * steps));
            for (var k = 0; k < players; k++)
            {
                foreach (var slot in groups[orders[s][k]]) current[slot] = row[slot];
                current.CopyTo(batch.Row(s * steps + k + 1));
            }
        }
        var outputs = predict(batch);
        var sums = new double[players];
        var squares = new double[players];
        var baseValue = 0.0;
        for (var s = 0; s < samples; s++)
        {
            baseValue += outputs[s * steps];
            for (var k = 0; k < players; k++)
            {
                var credit = (double)outputs[s * steps + k + 1] - outputs[s * steps + k];
                sums[orders[s][k]] += credit;
                squares[orders[s][k]] += credit * credit;
            }
        }
        var values = new double[players];
        var errors = new double[players];
        for (var p = 0; p < players; p++)
        {
            values[p] = sums[p] / samples;
            var variance = samples > 1 ? Math.Max(0, (squares[p] - samples * values[p] * values[p]) / (samples - 1)) : 0;
            errors[p] = Math.Sqrt(variance / samples);
        }
        // f(x) as the last step of the first sample: the same float the credits were taken from.
        return (values, errors, baseValue / samples, outputs[steps - 1]);
    }
}
