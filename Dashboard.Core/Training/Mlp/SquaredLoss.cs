namespace Dashboard.Core.Training.Mlp;

/// <summary>The squared loss of a linear output (regression): ½(z − y)², whose gradient is simply z − y.</summary>
internal static class SquaredLoss
{
    public static double Loss(float output, float target)
    {
        double error = output - target;
        return 0.5 * error * error;
    }

    /// <summary>
    /// Weighted loss of a batch: writes d(mean weighted loss)/d(output) = weight (z − y) / rows into
    /// <paramref name="outputGradients"/> and returns the weighted loss summed over the rows.
    /// </summary>
    public static double Gradients(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, ReadOnlySpan<float> weights, Span<float> outputGradients)
    {
        var sum = 0.0;
        var scale = 1f / outputs.Length;
        for (var i = 0; i < outputs.Length; i++)
        {
            sum += weights[i] * Loss(outputs[i], targets[i]);
            outputGradients[i] = weights[i] * (outputs[i] - targets[i]) * scale;
        }
        return sum;
    }
}
