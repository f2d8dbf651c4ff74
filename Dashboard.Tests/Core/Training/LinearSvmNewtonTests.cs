using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// Newton's method solves the same problem as coordinate descent (<see cref="LinearSvmSolver"/>): these hold the two to
/// the same optimum on real rows, and check what the method adds — a handful of steps, no dependence on a seed, row
/// penalties that act as copies of a row, and the fall-back to coordinate descent on very wide data.
/// </summary>
public sealed class LinearSvmNewtonTests
{
    [Theory]
    [InlineData("lending_club", 0.1)]
    [InlineData("lending_club", 1.0)]
    [InlineData("breast_cancer_wisconsin", 0.1)]
    public void SameOptimumAsCoordinateDescentSolvedTightly_InAFewSteps(string dataSet, double c)
    {
        var split = dataSet == "lending_club" ? TrainingFixtures.LendingClub : TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var matrix = split.TrainingMatrix(rows.OriginalRows);
        var penalties = rows.Labels.Select(_ => c).ToArray();

        var newton = LinearSvmNewton.Fit(matrix, rows.Labels, penalties, maxSteps: 100, CancellationToken.None);
        var descent = LinearSvmSolver.Fit(matrix, rows.Labels, penalties, maxPasses: 100_000, tolerance: 1e-6, seed: 1, CancellationToken.None);

        Assert.True(newton.Converged && descent.Converged);
        Assert.InRange(newton.Passes, 1, 20);
        var gap = newton.DecisionValues(split.Test).Zip(descent.DecisionValues(split.Test), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(gap < 1e-3, $"largest decision-value gap {gap}");
        var (ours, theirs) = (Objective(newton, matrix, rows.Labels, penalties), Objective(descent, matrix, rows.Labels, penalties));
        Assert.True(ours <= theirs * (1 + 1e-7), $"Newton's objective {ours} against coordinate descent's {theirs}");
    }

    [Fact]
    public void DoublingARowsPenalty_EqualsCopyingTheRow()
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var matrix = split.TrainingMatrix(rows.OriginalRows);
        var labels = rows.Labels.ToArray();
        var copied = Enumerable.Range(0, 40).Select(i => i * 7).ToArray();

        var penalties = labels.Select(_ => 0.1).ToArray();
        foreach (var row in copied) penalties[row] = 0.2;
        var weighted = LinearSvmNewton.Fit(matrix, labels, penalties, 100, CancellationToken.None);
        var withCopies = LinearSvmNewton.Fit(matrix.Append(matrix.SelectRows(copied)), [.. labels, .. copied.Select(r => labels[r])],
            Enumerable.Repeat(0.1, labels.Length + copied.Length).ToArray(), 100, CancellationToken.None);
        var unweighted = LinearSvmNewton.Fit(matrix, labels, labels.Select(_ => 0.1).ToArray(), 100, CancellationToken.None);

        var values = weighted.DecisionValues(split.Test);
        var copyGap = values.Zip(withCopies.DecisionValues(split.Test), (a, b) => Math.Abs(a - b)).Max();
        var plainGap = values.Zip(unweighted.DecisionValues(split.Test), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(copyGap < 1e-4, $"copies differ by {copyGap}");
        Assert.True(plainGap > 100 * copyGap, $"the penalties changed the model by only {plainGap}");
    }

    [Fact]
    public void SameRows_SameBits_AndCancellationStops()
    {
        var split = TrainingFixtures.LendingClub;
        var rows = TrainingFixtures.Baseline(split);
        var matrix = split.TrainingMatrix(rows.OriginalRows);
        var penalties = rows.Labels.Select(l => l == 1 ? 1.0 : 0.1).ToArray();
        LinearSvmModel Fit(CancellationToken token) => LinearSvmNewton.Fit(matrix, rows.Labels, penalties, 100, token);

        var first = Fit(CancellationToken.None);
        Assert.Equal(first.Weights, Fit(CancellationToken.None).Weights);
        Assert.Equal(first.Bias, Fit(CancellationToken.None).Bias);
        Assert.Throws<OperationCanceledException>(() => Fit(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Seat_OnDataWiderThanNewtonTakes_TrainsByCoordinateDescent()
    {
        const int columns = LinearSvmNewton.MaxSlots + 44;
        var random = new Random(3);
        var features = new FeatureMatrix(400, columns);
        var labels = new int[features.Rows];
        for (var r = 0; r < features.Rows; r++)
        {
            labels[r] = r % 3 == 0 ? 1 : 0;
            var row = features.Row(r);
            for (var j = 0; j < columns; j++) row[j] = random.NextDouble() < 0.05 ? 1 : 0;
            row[r % columns] = labels[r] == 1 ? 2 : -2; // a signal in one slot per row
        }
        Assert.False(LinearSvmNewton.Suits(features));

        var classifier = AlgorithmCatalog.Get("svm").Train(
            new TrainingInput(features, labels, HyperparameterValues.Defaults, ClassWeighting.None, Seed: 4), CancellationToken.None);

        var probabilities = classifier.PredictProbabilities(features);
        var correct = Enumerable.Range(0, labels.Length).Count(r => (probabilities[r] > 0.5) == (labels[r] == 1));
        Assert.True(correct > 0.9 * labels.Length, $"{correct} of {labels.Length} on the training rows");
    }

    [Fact]
    public void NaNFeature_NotConverged_NoNaNWeights()
    {
        var features = new FeatureMatrix(4, 2, [1, 0, -1, 0, 2, float.NaN, -2, 1]);

        var model = LinearSvmNewton.Fit(features, [1, 0, 1, 0], [1.0, 1.0, 1.0, 1.0], 100, CancellationToken.None);

        Assert.False(model.Converged);
        Assert.All(model.Weights, w => Assert.False(float.IsNaN(w)));
    }

    [Fact]
    public void Suits_NarrowSparseRows_NotWideOrDenseOnes()
    {
        Assert.True(LinearSvmNewton.Suits(TrainingFixtures.LendingClub.Test));
        Assert.False(LinearSvmNewton.Suits(new FeatureMatrix(3, LinearSvmNewton.MaxSlots + 1)));
        var dense = new FeatureMatrix(4, 100);
        Array.Fill(dense.Values, 1f);
        Assert.False(LinearSvmNewton.Suits(dense));
        Array.Clear(dense.Values, 0, 4 * 40);
        Assert.True(LinearSvmNewton.Suits(dense)); // 60 non-zeros a row on average
    }

    private static double Objective(LinearSvmModel model, FeatureMatrix matrix, IReadOnlyList<int> labels, double[] penalties)
    {
        var sum = (model.Weights.Sum(w => (double)w * w) + (double)model.Bias * model.Bias) / 2;
        var values = model.DecisionValues(matrix);
        for (var i = 0; i < values.Length; i++)
        {
            var slack = 1 - (labels[i] == 1 ? 1 : -1) * values[i];
            if (slack > 0) sum += penalties[i] * slack * slack;
        }
        return sum;
    }
}
