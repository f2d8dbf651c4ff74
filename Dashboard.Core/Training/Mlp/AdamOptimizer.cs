using System.Numerics;
using System.Runtime.CompilerServices;

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
    // beta^t kept as running products: exact and the same everywhere, unlike Math.Pow.
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    public AdamOptimizer(int parameterCount, double learningRate)
    {
        _learningRate = learningRate;
        _firstMoment = new float[parameterCount];
        _secondMoment = new float[parameterCount];
    }

    /// <summary>
    /// One Adam step from <paramref name="gradients"/>, which it then zeroes for the next batch to accumulate into.
    /// </summary>
    /// <remarks>
    /// One fused pass per element rather than nine whole-array TensorPrimitives passes plus a clear of the gradients: on
    /// lending_club's 123 inputs x 64 units the arrays are about 8,000 floats, and the separate passes and the clear took
    /// a large share of each batch. Each element goes through exactly the former operations in the former order,
    /// m = (m·β1) + g·(1 − β1), v = (v·β2) + (g·g)·(1 − β2), w = (m / (√v + ε))·(−lr_t) + w, each rounded to float
    /// (no fused multiply-add), so the trained weights are the same bits as before and on any vector width.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StepAndClear(Span<float> parameters, Span<float> gradients)
    {
        // The bias corrections folded into the step size (the paper's section 2 variant): w -= lr_t m / (sqrt(v) + eps).
        _beta1Power *= Beta1;
        _beta2Power *= Beta2;
        var stepSize = (float)(_learningRate * Math.Sqrt(1 - _beta2Power) / (1 - _beta1Power));
        Span<float> m = _firstMoment, v = _secondMoment;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (beta1, keep1, beta2, keep2) = (new Vector<float>(Beta1), new Vector<float>(1 - Beta1), new Vector<float>(Beta2), new Vector<float>(1 - Beta2));
            var (epsilon, step) = (new Vector<float>(Epsilon), new Vector<float>(-stepSize));
            for (; i <= parameters.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(gradients[i..]);
                var mi = g * keep1 + new Vector<float>(m[i..]) * beta1;
                var vi = g * g * keep2 + new Vector<float>(v[i..]) * beta2;
                var wi = mi / (Vector.SquareRoot(vi) + epsilon) * step + new Vector<float>(parameters[i..]);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                wi.CopyTo(parameters[i..]);
                Vector<float>.Zero.CopyTo(gradients[i..]);
            }
        }
        for (; i < parameters.Length; i++)
        {
            var g = gradients[i];
            m[i] = g * (1 - Beta1) + m[i] * Beta1;
            v[i] = g * g * (1 - Beta2) + v[i] * Beta2;
            parameters[i] = m[i] / (MathF.Sqrt(v[i]) + Epsilon) * -stepSize + parameters[i];
            gradients[i] = 0;
        }
    }
}
