using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// The shape of the perceptron: one or two hidden ReLU layers and one output unit whose logit goes through a
/// sigmoid. All weights and biases live in one flat parameter vector, so the optimiser, the L2 penalty and
/// the best-weights snapshot of early stopping are each a single pass over one array.
/// </summary>
internal sealed class MlpNetwork
{
    private readonly DenseLayer[] _layers;

    public MlpNetwork(int features, int hiddenUnits, int secondHiddenUnits)
    {
        int[] widths = secondHiddenUnits > 0
            ? [features, hiddenUnits, secondHiddenUnits, 1]
            : [features, hiddenUnits, 1];
        _layers = new DenseLayer[widths.Length - 1];
        var offset = 0;
        for (var l = 0; l < _layers.Length; l++)
        {
            _layers[l] = new DenseLayer(widths[l], widths[l + 1], offset);
            offset += _layers[l].ParameterCount;
        }
        ParameterCount = offset;
    }

    public IReadOnlyList<DenseLayer> Layers => _layers;

    public int Features => _layers[0].Inputs;

    public int ParameterCount { get; }

    /// <summary>
    /// Uniform He initialisation for the ReLU layers and Glorot for the sigmoid output, biases at zero. The
    /// uniform forms need only a square root, which is exact, so the start is the same bits everywhere.
    /// </summary>
    public void Initialize(Span<float> parameters, SeededRandom random)
    {
        parameters.Clear();
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var isOutput = l == _layers.Length - 1;
            var limit = isOutput
                ? Math.Sqrt(6.0 / (layer.Inputs + layer.Units))
                : Math.Sqrt(6.0 / layer.Inputs);
            var weights = layer.Weights(parameters);
            for (var i = 0; i < weights.Length; i++) weights[i] = (float)((2 * random.NextDouble() - 1) * limit);
        }
    }

    /// <summary>Runs <paramref name="rows"/> contiguous input rows through the network; the logits end in <see cref="MlpWorkspace.Logits"/>.</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, MlpWorkspace workspace)
    {
        for (var l = 0; l < _layers.Length; l++)
        {
            var layerInput = l == 0 ? input : workspace.Activations[l - 1];
            workspace.NonZero[l].Build(layerInput, rows);
            var output = workspace.Activations[l].AsSpan(0, rows * _layers[l].Units);
            _layers[l].Forward(parameters, layerInput, workspace.NonZero[l], rows, output);
            if (l < _layers.Length - 1) TensorPrimitives.Max(output, 0f, output); // ReLU
        }
    }

    /// <summary>
    /// Backpropagation after <see cref="Forward"/> on the same rows: expects d(loss)/d(logit) in
    /// <see cref="MlpWorkspace.LogitGradients"/> and adds every parameter's gradient into <paramref name="gradients"/>.
    /// </summary>
    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, MlpWorkspace workspace, Span<float> gradients)
    {
        for (var l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var delta = workspace.Deltas[l];
            layer.AccumulateGradients(l == 0 ? input : workspace.Activations[l - 1], workspace.NonZero[l], delta, rows, gradients);
            if (l == 0) break;

            var below = workspace.Deltas[l - 1].AsSpan(0, rows * layer.Inputs);
            layer.PropagateToInput(parameters, delta, rows, below, workspace.TransposeScratch);
            KeepWhereActive(below, workspace.Activations[l - 1]);
        }
    }

    /// <summary>
    /// ReLU's derivative: the gradient passes only where the unit was active. A vector select, because about
    /// half the units are off at random and a branch per unit would be mispredicted half the time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KeepWhereActive(Span<float> gradient, ReadOnlySpan<float> activation)
    {
        var i = 0;
        for (; i <= gradient.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var active = Vector.GreaterThan(new Vector<float>(activation[i..]), Vector<float>.Zero);
            Vector.ConditionalSelect(active, new Vector<float>(gradient[i..]), Vector<float>.Zero).CopyTo(gradient[i..]);
        }
        for (; i < gradient.Length; i++)
        {
            if (!(activation[i] > 0)) gradient[i] = 0;
        }
    }

    /// <summary>Adds the L2 penalty's gradient, <paramref name="l2"/> x w, for the weights (biases are not penalised).</summary>
    public void AddL2Gradient(ReadOnlySpan<float> parameters, Span<float> gradients, float l2)
    {
        foreach (var layer in _layers)
        {
            var g = gradients.Slice(layer.Offset, layer.WeightCount);
            TensorPrimitives.MultiplyAdd(parameters.Slice(layer.Offset, layer.WeightCount), l2, g, g);
        }
    }

    /// <summary>Logits of every row of <paramref name="features"/>, in batches of the workspace's size.</summary>
    public void Logits(ReadOnlySpan<float> parameters, FeatureMatrix features, MlpWorkspace workspace, Span<float> logits)
    {
        for (var start = 0; start < features.Rows; start += workspace.BatchRows)
        {
            var rows = Math.Min(workspace.BatchRows, features.Rows - start);
            Forward(parameters, features.Values.AsSpan(start * Features, rows * Features), rows, workspace);
            workspace.Logits[..rows].CopyTo(logits.Slice(start, rows));
        }
    }
}
