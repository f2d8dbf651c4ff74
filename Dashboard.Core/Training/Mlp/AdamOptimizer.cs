using System.Numerics.Tensors;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// Adam (Kingma and Ba, 2015) with the customary beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, over one flat
/// parameter vector. Every step is element-wise, so it gives the same bits whatever the vector width.
/// </summary>
internal sealed class AdamOptimizer
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly double _learningRate;
    private readonly float[] _firstMoment;
    private readonly float[] _secondMoment;
    private readonly float[] _scratch;
    // beta^t kept as running products: exact and the same everywhere, unlike Math.Pow.
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    public AdamOptimizer(int parameterCount, double learningRate)
    {
        _learningRate = learningRate;
        _firstMoment = new float[parameterCount];
        _secondMoment = new float[parameterCount];
        _scratch = new float[parameterCount];
    }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        // m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
        TensorPrimitives.Multiply(_firstMoment, Beta1, _firstMoment);
        TensorPrimitives.MultiplyAdd(gradients, 1 - Beta1, _firstMoment, _firstMoment);
        TensorPrimitives.Multiply(gradients, gradients, _scratch);
        TensorPrimitives.Multiply(_secondMoment, Beta2, _secondMoment);
        TensorPrimitives.MultiplyAdd(_scratch, 1 - Beta2, _secondMoment, _secondMoment);

        // The bias corrections folded into the step size (the paper's section 2 variant): w -= lr_t m / (sqrt(v) + eps).
        _beta1Power *= Beta1;
        _beta2Power *= Beta2;
        var stepSize = (float)(_learningRate * Math.Sqrt(1 - _beta2Power) / (1 - _beta1Power));
        TensorPrimitives.Sqrt(_secondMoment, _scratch);
        TensorPrimitives.Add(_scratch, Epsilon, _scratch);
        TensorPrimitives.Divide(_firstMoment, _scratch, _scratch);
        TensorPrimitives.MultiplyAdd(_scratch, -stepSize, parameters, parameters);
    }
}
