using System.Numerics.Tensors;
using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Svm;

/// <summary>
/// A linear support vector regressor trained as scikit-learn's LinearSVR (liblinear's L2-regularized L1-loss SVR,
/// solver 13) trains it: minimise ½‖w‖² + C·Σᵢ max(0, |yᵢ − (w·xᵢ + b)| − ε), the intercept b being the weight of
/// a constant feature 1 (so it is regularized too), by dual coordinate descent (Ho and Lin, "Large-scale linear
/// support vector regression", JMLR 2012). The dual has one βᵢ in [−C, C] per row and w = Σᵢ βᵢxᵢ; each step
/// minimises the dual along one βᵢ in closed form, as liblinear's solve_l2r_l1l2_svr does.
/// </summary>
/// <remarks>
/// Rows are visited in a seeded random order each pass; the solver stops when the sum of the projected-gradient
/// violations of a pass falls below tolerance times that of the first pass (liblinear's criterion), or after the
/// maximum passes. No shrinking: the regression sets here are small, and every pass stays simple to check.
/// </remarks>
public static class LinearSvrSolver
{
    /// <param name="targets">Per row, the value to fit (already scaled by the caller when it wants ε in other units).</param>
    /// <param name="c">The penalty C of a row outside the ε tube.</param>
    /// <param name="epsilon">Half the tube's width: errors up to ε cost nothing.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked every pass).</exception>
    public static LinearSvmModel Fit(FeatureMatrix features, IReadOnlyList<double> targets, double c, double epsilon, int maxPasses, double tolerance,
        int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (targets.Count != features.Rows) throw new ArgumentException($"{features.Rows} feature rows need as many targets; {targets.Count} were given.");
        var rows = features.Rows;
        var weights = new float[features.Columns];
        var bias = 0f;
        var betas = new double[rows];
        var curvature = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = features.Row(i);
            curvature[i] = TensorPrimitives.Dot<float>(row, row) + 1.0; // + 1 for the constant bias feature
        }
        var order = Enumerable.Range(0, rows).ToArray();
        var random = SeededRandom.For(seed, "svr.order");
        double? firstViolation = null;
        var passes = 0;
        var converged = false;
        while (passes < maxPasses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle<int>(order);
            var violation = 0.0;
            foreach (var i in order)
            {
                var row = features.Row(i);
                // Gradient of the smooth part at βᵢ, then of the ε|βᵢ| term from each side.
                var gradient = TensorPrimitives.Dot<float>(weights, row) + bias - targets[i];
                var (up, down) = (gradient + epsilon, gradient - epsilon);
                var beta = betas[i];
                violation += beta == 0 ? Math.Max(0, Math.Max(-up, down))
                    : beta >= c ? Math.Max(0, up) // at the upper bound only a positive gradient is a violation
                    : beta <= -c ? Math.Max(0, -down)
                    : beta > 0 ? Math.Abs(up) : Math.Abs(down);
                var h = curvature[i];
                var step = up < h * beta ? -up / h : down > h * beta ? -down / h : -beta;
                var next = Math.Clamp(beta + step, -c, c);
                if (next == beta) continue;
                betas[i] = next;
                var delta = (float)(next - beta);
                TensorPrimitives.MultiplyAdd(row, delta, weights, weights);
                bias += delta;
            }
            passes++;
            firstViolation ??= violation;
            if (violation <= tolerance * firstViolation.Value)
            {
                converged = true;
                break;
            }
        }
        return new LinearSvmModel(weights, bias, passes, converged);
    }
}
