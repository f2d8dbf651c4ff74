namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// The sigmoid and the binary cross-entropy, both written from the logit so that neither overflows nor
/// takes log(0) for large |logit|.
/// </summary>
internal static class LogisticLoss
{
    /// <summary>1 / (1 + e^-z), computed with e^-|z| so the exponential never overflows.</summary>
    public static float Sigmoid(float logit)
    {
        if (logit >= 0) return 1f / (1f + MathF.Exp(-logit));
        var e = MathF.Exp(logit);
        return e / (1f + e);
    }

    /// <summary>-[y log p + (1 - y) log(1 - p)] with p = sigmoid(z), as max(z, 0) - z y + log(1 + e^-|z|).</summary>
    public static double Loss(float logit, int label)
    {
        double z = logit;
        return Math.Max(z, 0) - z * label + Math.Log(1 + Math.Exp(-Math.Abs(z)));
    }

    /// <summary>
    /// Weighted loss of a batch: writes d(mean weighted loss)/d(logit) = weight (p - y) / rows into
    /// <paramref name="logitGradients"/> and returns the weighted loss summed over the rows.
    /// </summary>
    public static double Gradients(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights, Span<float> logitGradients)
    {
        var sum = 0.0;
        var scale = 1f / logits.Length;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += weights[i] * Loss(logits[i], labels[i]);
            logitGradients[i] = weights[i] * (Sigmoid(logits[i]) - labels[i]) * scale;
        }
        return sum;
    }
}
