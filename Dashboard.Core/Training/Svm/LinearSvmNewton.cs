namespace Dashboard.Core.Training.Svm;

/// <summary>
/// The same problem as <see cref="LinearSvmSolver"/> — scikit-learn LinearSVC's squared hinge with penalty Cᵢ per row
/// and a regularized intercept, minimise ½‖w‖² + Σᵢ Cᵢ·max(0, 1 − yᵢ·w·x̃ᵢ)² with x̃ = [x, 1] — solved in the primal
/// by the modified finite Newton method (Keerthi and DeCoste, "A modified finite Newton method for fast solution of
/// large scale linear SVMs", JMLR 2005). Each step solves the regularized least-squares problem of the rows inside the
/// margin exactly (a Cholesky factorization of I + 2·Σ Cᵢ·x̃ᵢx̃ᵢᵀ over those rows), then moves towards that solution
/// as far as the true objective keeps falling (an exact line search: the objective is a convex piecewise quadratic
/// along the line). When a full step leaves the rows inside the margin unchanged, that solution is the optimum itself.
/// </summary>
/// <remarks>
/// Why beside dual coordinate descent: the seat's data sets have a few dozen to a few hundred feature slots and
/// thousands of rows. Coordinate descent needs hundreds of passes over the rows there (lending_club at a 0.3 class
/// share: 426 passes, about 0.2 s); Newton needs a handful of steps, each one pass to build the matrix from the
/// non-zero values of the rows inside the margin, and reaches the exact optimum rather than liblinear's tolerance.
/// The matrix has (slots + 1)² entries and its factorization costs (slots + 1)³/3, so wide data (many one-hot slots
/// from an upload) stays with coordinate descent: <see cref="Suits"/>. No random order: the same rows give the same
/// bits.
/// </remarks>
public static class LinearSvmNewton
{
    /// <summary>
    /// Widest data Newton takes: at 256 slots a factorization is about 5.6 M multiply-adds, a few ms, and the matrix
    /// 0.5 MB; beyond it the cubic cost grows past coordinate descent's passes.
    /// </summary>
    public const int MaxSlots = 256;

    /// <summary>
    /// Most non-zero values per row, on average, Newton takes: building the matrix costs each row its non-zeros squared per
    /// step, against twice its non-zeros per coordinate-descent pass, so rows much denser than the bundled sets' (lending_club
    /// 22 of 123, breast cancer 30) would make a step cost dozens of passes.
    /// </summary>
    public const int MaxNonZerosPerRow = 64;

    /// <summary>Whether <see cref="Fit"/> suits this data (else use <see cref="LinearSvmSolver"/>): narrow enough, and sparse enough per row.</summary>
    public static bool Suits(FeatureMatrix features) =>
        features.Columns <= MaxSlots && SparseEnough(features.Rows, features.Values.Count(value => value != 0));

    private static bool SparseEnough(int rows, long nonZeros) => nonZeros <= (long)MaxNonZerosPerRow * rows;

    /// <summary>
    /// <see cref="Fit"/> when the data suits Newton (<see cref="Suits"/>), else null: the rows' non-zeros are listed once,
    /// for the check and the fit alike.
    /// </summary>
    public static LinearSvmModel? TryFit(FeatureMatrix features, IReadOnlyList<int> labels, IReadOnlyList<double> rowPenalties, int maxSteps,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Columns > MaxSlots) return null;
        var rows = SparseRows.From(features);
        return SparseEnough(features.Rows, rows.NonZeros) ? FitRows(rows, labels, rowPenalties, maxSteps, cancellationToken) : null;
    }

    /// <param name="labels">Per row: 1 for the positive class, 0 for the other.</param>
    /// <param name="rowPenalties">Per row, C times the row's class weight.</param>
    /// <param name="maxSteps">Newton steps at most (each reads every row about three times).</param>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked every step).</exception>
    public static LinearSvmModel Fit(FeatureMatrix features, IReadOnlyList<int> labels, IReadOnlyList<double> rowPenalties, int maxSteps,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        return FitRows(SparseRows.From(features), labels, rowPenalties, maxSteps, cancellationToken);
    }

    private static LinearSvmModel FitRows(SparseRows rows, IReadOnlyList<int> labels, IReadOnlyList<double> rowPenalties, int maxSteps,
        CancellationToken cancellationToken)
    {
        if (labels.Count != rows.Count || rowPenalties.Count != rows.Count)
        {
            throw new ArgumentException($"{rows.Count} feature rows need as many labels and penalties; {labels.Count} and {rowPenalties.Count} were given.");
        }
        var width = rows.Width + 1; // the intercept is the weight of a last, constant feature 1
        var sign = labels.Select(l => l == 1 ? 1.0 : -1.0).ToArray();
        var penalty = rowPenalties.ToArray();

        var weights = new double[width];
        var margins = new double[rows.Count]; // w·x̃ᵢ
        var inside = new bool[rows.Count];    // yᵢ·w·x̃ᵢ < 1: the rows the objective's hinge still sees
        var next = new double[width];
        var nextMargins = new double[rows.Count];
        var system = new CholeskySystem(width);
        var steps = 0;
        var converged = false;
        MarkInsideAndCountChanges(margins, sign, inside);
        var previousObjective = Objective(weights, margins, sign, penalty);
        while (steps < maxSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The least-squares solution of the rows inside the margin: (I + 2·Σ Cᵢ x̃ᵢx̃ᵢᵀ) w̄ = 2·Σ Cᵢ yᵢ x̃ᵢ.
            system.Reset();
            for (var i = 0; i < rows.Count; i++)
            {
                if (inside[i]) system.AddRow(rows, i, 2 * penalty[i], sign[i]);
            }
            system.Solve(next);
            rows.Margins(next, nextMargins);

            var step = LineSearch(weights, next, margins, nextMargins, sign, penalty);
            // Near the optimum the search lands on 1 to within rounding (1.00000000002): take w̄ itself, so the
            // check below can see that it is the optimum.
            if (Math.Abs(step - 1) <= 1e-6) step = 1;
            // The candidate w + t(w̄ − w) and its margins go into `next` and `nextMargins`; `weights` stays until it is better.
            if (step != 1)
            {
                for (var j = 0; j < width; j++) next[j] = weights[j] + step * (next[j] - weights[j]);
                for (var i = 0; i < margins.Length; i++) nextMargins[i] = margins[i] + step * (nextMargins[i] - margins[i]);
            }
            var objective = Objective(next, nextMargins, sign, penalty);
            steps++;
            if (!double.IsFinite(objective)) break; // a NaN or infinite feature value: not converged, weights as they were
            // Rows sitting on the margin to within rounding can flip back and forth: once a step no longer lowers the
            // objective in double precision, the weights before it are as close as the arithmetic gets.
            if (!(objective < previousObjective - 1e-13 * Math.Abs(objective)))
            {
                converged = true;
                break;
            }
            (weights, next) = (next, weights);
            (margins, nextMargins) = (nextMargins, margins);
            previousObjective = objective;
            // A full step to a solution whose rows inside the margin are the ones it was solved for is the optimum.
            if (MarkInsideAndCountChanges(margins, sign, inside) == 0 && step == 1)
            {
                converged = true;
                break;
            }
        }
        var floats = new float[width - 1];
        for (var j = 0; j < floats.Length; j++) floats[j] = (float)weights[j];
        return new LinearSvmModel(floats, (float)weights[width - 1], steps, converged);
    }

    private static int MarkInsideAndCountChanges(double[] margins, double[] sign, bool[] inside)
    {
        var changed = 0;
        for (var i = 0; i < margins.Length; i++)
        {
            var now = sign[i] * margins[i] < 1;
            if (now != inside[i]) changed++;
            inside[i] = now;
        }
        return changed;
    }

    /// <summary>½‖w‖² + Σᵢ Cᵢ·max(0, 1 − yᵢ·w·x̃ᵢ)², the intercept included in w.</summary>
    private static double Objective(double[] weights, double[] margins, double[] sign, double[] penalty)
    {
        var sum = 0.0;
        foreach (var w in weights) sum += w * w;
        sum /= 2;
        for (var i = 0; i < margins.Length; i++)
        {
            var slack = 1 - sign[i] * margins[i];
            if (slack > 0) sum += penalty[i] * slack * slack;
        }
        return sum;
    }

    /// <summary>
    /// The step t in [0, ∞) minimising the objective along w + t·(w̄ − w). Its derivative is
    /// w·d + t‖d‖² − 2·Σ Cᵢ bᵢ (aᵢ − t·bᵢ) over the rows with aᵢ − t·bᵢ &gt; 0, where aᵢ = 1 − yᵢ·w·x̃ᵢ and
    /// bᵢ = yᵢ·d·x̃ᵢ: linear between the points where a row crosses the margin and rising, so the root is found by
    /// walking those points in order.
    /// </summary>
    private static double LineSearch(double[] weights, double[] next, double[] margins, double[] nextMargins, double[] sign, double[] penalty)
    {
        double slope = 0, curvature = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            var d = next[j] - weights[j];
            slope += weights[j] * d;
            curvature += d * d;
        }
        if (curvature == 0) return 0;
        // The regularizer's ‖d‖² is always in the curvature; rounding in the running sum must not take it below that.
        var least = curvature;
        var crossings = new List<(double At, int Row)>();
        for (var i = 0; i < margins.Length; i++)
        {
            var a = 1 - sign[i] * margins[i];
            var b = sign[i] * (nextMargins[i] - margins[i]);
            var twoC = 2 * penalty[i];
            if (a > 0 || (a == 0 && b < 0))
            {
                slope -= twoC * b * a;
                curvature += twoC * b * b;
                if (b > 0) crossings.Add((a / b, i)); // leaves the margin's inside at a / b
            }
            else if (b < 0)
            {
                crossings.Add((a / b, i)); // enters at a / b
            }
        }
        crossings.Sort();
        foreach (var (at, i) in crossings)
        {
            var root = -slope / curvature;
            if (root <= at) return Math.Max(root, 0);
            var a = 1 - sign[i] * margins[i];
            var b = sign[i] * (nextMargins[i] - margins[i]);
            var twoC = 2 * penalty[i];
            var leaving = b > 0 ? 1 : -1;
            slope += leaving * twoC * b * a;
            curvature = Math.Max(curvature - leaving * twoC * b * b, least);
        }
        return Math.Max(-slope / curvature, 0);
    }

    /// <summary>The rows' non-zero values, so building the matrix costs each row its non-zeros squared, not the width squared.</summary>
    private sealed class SparseRows
    {
        private readonly int[] _start;
        private readonly int[] _column;
        private readonly float[] _value;

        private SparseRows(int[] start, int[] column, float[] value, int width) => (_start, _column, _value, Width) = (start, column, value, width);

        public int Count => _start.Length - 1;

        public int NonZeros => _start[^1];

        public int Width { get; }

        public static SparseRows From(FeatureMatrix features)
        {
            var start = new int[features.Rows + 1];
            var (columns, values) = (new List<int>(), new List<float>());
            for (var i = 0; i < features.Rows; i++)
            {
                var row = features.Row(i);
                for (var j = 0; j < row.Length; j++)
                {
                    if (row[j] == 0) continue;
                    columns.Add(j);
                    values.Add(row[j]);
                }
                start[i + 1] = columns.Count;
            }
            return new SparseRows(start, [.. columns], [.. values], features.Columns);
        }

        public ReadOnlySpan<int> Columns(int row) => _column.AsSpan(_start[row], _start[row + 1] - _start[row]);

        public ReadOnlySpan<float> Values(int row) => _value.AsSpan(_start[row], _start[row + 1] - _start[row]);

        /// <summary>w·x̃ᵢ for every row (the intercept is w's last entry).</summary>
        public void Margins(double[] weights, double[] margins)
        {
            var bias = weights[Width];
            for (var i = 0; i < Count; i++)
            {
                var sum = bias;
                var columns = Columns(i);
                var values = Values(i);
                for (var k = 0; k < columns.Length; k++) sum += weights[columns[k]] * values[k];
                margins[i] = sum;
            }
        }
    }

    /// <summary>The Newton system (I + Σ cᵢ x̃ᵢx̃ᵢᵀ) w = Σ cᵢ yᵢ x̃ᵢ, accumulated row by row, then solved by Cholesky.</summary>
    private sealed class CholeskySystem(int size)
    {
        private readonly double[] _matrix = new double[size * size]; // upper triangle accumulated, then factored in place
        private readonly double[] _rightSide = new double[size];

        public void Reset()
        {
            Array.Clear(_matrix);
            Array.Clear(_rightSide);
        }

        /// <summary>Adds c·x̃x̃ᵀ to the matrix and c·y·x̃ to the right side.</summary>
        public void AddRow(SparseRows rows, int row, double c, double y)
        {
            var columns = rows.Columns(row);
            var values = rows.Values(row);
            var last = size - 1;
            for (var p = 0; p < columns.Length; p++)
            {
                var scaled = c * values[p];
                _rightSide[columns[p]] += scaled * y;
                var offset = columns[p] * size;
                for (var q = p; q < columns.Length; q++) _matrix[offset + columns[q]] += scaled * values[q];
                _matrix[offset + last] += scaled; // × the constant 1
            }
            _matrix[last * size + last] += c;
            _rightSide[last] += c * y;
        }

        /// <summary>Solves (I + accumulated) x = right side into <paramref name="solution"/>.</summary>
        public void Solve(double[] solution)
        {
            var a = _matrix;
            for (var i = 0; i < size; i++) a[i * size + i] += 1;
            // Cholesky A = LLᵀ, L stored in the lower triangle; A's upper triangle (j ≥ i) holds the sums.
            for (var j = 0; j < size; j++)
            {
                var diagonal = a[j * size + j];
                for (var k = 0; k < j; k++) diagonal -= a[j * size + k] * a[j * size + k];
                var pivot = Math.Sqrt(diagonal);
                a[j * size + j] = pivot;
                for (var i = j + 1; i < size; i++)
                {
                    var sum = a[j * size + i]; // A[j, i] from the upper triangle, = A[i, j]
                    var li = a.AsSpan(i * size, j);
                    var lj = a.AsSpan(j * size, j);
                    for (var k = 0; k < j; k++) sum -= li[k] * lj[k];
                    a[i * size + j] = sum / pivot;
                }
            }
            // L y = b, then Lᵀ x = y.
            for (var i = 0; i < size; i++)
            {
                var sum = _rightSide[i];
                for (var k = 0; k < i; k++) sum -= a[i * size + k] * solution[k];
                solution[i] = sum / a[i * size + i];
            }
            for (var i = size - 1; i >= 0; i--)
            {
                var sum = solution[i];
                for (var k = i + 1; k < size; k++) sum -= a[k * size + i] * solution[k];
                solution[i] = sum / a[i * size + i];
            }
        }
    }
}
