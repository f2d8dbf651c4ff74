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
/// maximum passes. Shrinking as liblinear's: a row whose βᵢ sits at 0 or at a bound with a gradient that pushes it
/// further out by more than the largest violation of the last pass will almost surely stay there, so it leaves the
/// active rows at the back of the visiting order. On 150,000 rows most rows end inside the ε tube or at ±C after a
/// few passes, and a pass then costs only the rest. Convergence on the active rows is checked once more on all rows
/// before it counts, so shrinking changes the path, not the solution.
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
        var active = rows;
        var previousLargest = double.PositiveInfinity;
        var random = SeededRandom.For(seed, "svr.order");
        double? firstViolation = null;
        var passes = 0;
        var converged = false;
        while (passes < maxPasses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order.AsSpan(0, active));
            var violation = 0.0;
            var largest = 0.0;
            for (var s = 0; s < active; s++)
            {
                var i = order[s];
                var row = features.Row(i);
                // Gradient of the smooth part at βᵢ, then of the ε|βᵢ| term from each side.
                var gradient = TensorPrimitives.Dot<float>(weights, row) + bias - targets[i];
                var (up, down) = (gradient + epsilon, gradient - epsilon);
                var beta = betas[i];
                if (Violation(beta, up, down, c, previousLargest) is not { } rowViolation)
                {
                    active--;
                    (order[s], order[active]) = (order[active], order[s]);
                    s--;
                    continue;
                }
                violation += rowViolation;
                largest = Math.Max(largest, rowViolation);
                var h = curvature[i];
                var step = up < h * beta ? -up / h : down > h * beta ? -down / h : -beta;
                if (Math.Abs(step) < 1e-12) continue;
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
                if (active == rows)
                {
                    converged = true;
                    break;
                }
                active = rows;
                previousLargest = double.PositiveInfinity;
                continue;
            }
            previousLargest = largest;
        }
        return new LinearSvmModel(weights, bias, passes, converged);
    }

    /// <summary>
    /// How far βᵢ is from optimal along its own axis (the projected gradient's size), or null when the row should
    /// leave the active rows: βᵢ at 0 inside the tube, or at a bound, with a margin over the last pass's largest
    /// violation (liblinear's shrinking test).
    /// </summary>
    private static double? Violation(double beta, double up, double down, double c, double previousLargest)
    {
        if (beta == 0)
        {
            if (up < 0) return -up;
            if (down > 0) return down;
            return up > previousLargest && down < -previousLargest ? null : 0;
        }
        if (beta >= c) return up > 0 ? up : up < -previousLargest ? null : 0; // at the upper bound only a positive gradient is a violation
        if (beta <= -c) return down < 0 ? -down : down > previousLargest ? null : 0;
        return beta > 0 ? Math.Abs(up) : Math.Abs(down);
    }
}
