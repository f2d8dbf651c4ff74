namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// Buffers for one batch of up to <see cref="BatchRows"/> rows, allocated once so that the training loop
/// allocates nothing. One workspace per thread: it is what makes a network call not thread-safe.
/// </summary>
internal sealed class MlpWorkspace
{
    public MlpWorkspace(MlpNetwork network, int batchRows)
    {
        BatchRows = batchRows;
        var layers = network.Layers;
        Activations = layers.Select(l => new float[batchRows * l.Units]).ToArray();
        Deltas = layers.Select(l => new float[batchRows * l.Units]).ToArray();
        NonZero = layers.Select(l => new NonZeroColumns(batchRows, l.Inputs)).ToArray();
        // Only layers that pass a gradient down to another layer transpose their weights (see DenseLayer).
        TransposeScratch = new float[layers.Skip(1).Max(l => l.WeightCount)];
    }

    public int BatchRows { get; }

    /// <summary>Per layer, batch x units: its output after the activation (the last layer's is the logit).</summary>
    public float[][] Activations { get; }

    /// <summary>Per layer, batch x units: d(loss)/d(pre-activation output).</summary>
    public float[][] Deltas { get; }

    /// <summary>Per layer, the non-zero columns of its input rows: built by the forward pass, reused by the backward pass.</summary>
    public NonZeroColumns[] NonZero { get; }

    public float[] TransposeScratch { get; }

    public Span<float> Logits => Activations[^1];

    public Span<float> LogitGradients => Deltas[^1];
}
