namespace Dashboard.Core.Training.Svm;

/// <summary>
/// Platt scaling: turns decision values f into probabilities P(positive | f) = 1 / (1 + exp(A·f + B)), with A and B
/// fitted by maximum likelihood on the training rows' decision values. Platt's targets are smoothed toward the class
/// priors ((positives + 1) / (positives + 2) and 1 / (negatives + 2)) so that separable data does not drive A to
/// infinity. Fitted by Newton's method with backtracking, as in Lin, Lin and Weng, "A note on Platt's probabilistic
/// outputs for support vector machines" (2007) — the method libsvm and scikit-learn's sigmoid calibration follow.
/// </summary>
public sealed record PlattScaling(double A, double B)
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double HessianRidge = 1e-12;
    private const double GradientTolerance = 1e-5;

    public static PlattScaling Fit(IReadOnlyList<double> decisionValues, IReadOnlyList<int> labels)
    {
        if (decisionValues.Count != labels.Count) throw new ArgumentException("Give one label per decision value.");
        var positives = labels.Count(l => l == 1);
        var negatives = labels.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var targets = labels.Select(l => l == 1 ? high : low).ToArray();

        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        var loss = Loss(decisionValues, targets, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Gradient and Hessian of the cross-entropy in (A, B).
            double h11 = HessianRidge, h22 = HessianRidge, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < targets.Length; i++)
            {
                var f = decisionValues[i];
                var (p, q) = Probabilities(f * a + b);
                var d2 = p * q;
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                var d1 = targets[i] - p;
                g1 += f * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < GradientTolerance && Math.Abs(g2) < GradientTolerance) break;

            var determinant = h11 * h22 - h21 * h21;
            var dA = -(h22 * g1 - h21 * g2) / determinant;
            var dB = -(-h21 * g1 + h11 * g2) / determinant;
            var slope = g1 * dA + g2 * dB;
            var step = 1.0;
            while (step >= MinStep)
            {
                var newA = a + step * dA;
                var newB = b + step * dB;
                var newLoss = Loss(decisionValues, targets, newA, newB);
                if (newLoss < loss + 1e-4 * step * slope)
                {
                    (a, b, loss) = (newA, newB, newLoss);
                    break;
                }
                step /= 2;
            }
            if (step < MinStep) break; // the line search failed: keep the best found so far
        }
        return new PlattScaling(a, b);
    }

    /// <summary>P(positive) for a decision value, computed without overflow on either side.</summary>
    public double Probability(double decisionValue) => Probabilities(decisionValue * A + B).Positive;

    /// <summary>(P(positive), P(negative)) for z = A·f + B, stable for large |z|.</summary>
    private static (double Positive, double Negative) Probabilities(double z)
    {
        if (z >= 0)
        {
            var e = Math.Exp(-z);
            return (e / (1 + e), 1 / (1 + e));
        }
        var ez = Math.Exp(z);
        return (1 / (1 + ez), ez / (1 + ez));
    }

    /// <summary>Cross-entropy of the smoothed targets under (A, B).</summary>
    private static double Loss(IReadOnlyList<double> decisionValues, double[] targets, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var z = decisionValues[i] * a + b;
            sum += z >= 0 ? targets[i] * z + Math.Log(1 + Math.Exp(-z)) : (targets[i] - 1) * z + Math.Log(1 + Math.Exp(z));
        }
        return sum;
    }
}
