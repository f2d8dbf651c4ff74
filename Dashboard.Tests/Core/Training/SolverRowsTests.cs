using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

/// <summary>The SVM solver's sparse rows (<see cref="SolverRows"/>) must compute what the dense loops compute.</summary>
public sealed class SolverRowsTests
{
    [Fact]
    public void SparseRows_ChosenForOneHotData_DenseForDenseData()
    {
        Assert.True(SolverRows.For(Training(TrainingFixtures.LendingClub)).IsSparse);
        Assert.False(SolverRows.For(Training(TrainingFixtures.BreastCancer)).IsSparse);
    }

    [Fact]
    public void SparseRows_SameDotProductsAndUpdatesAsDenseLoops()
    {
        var features = Training(TrainingFixtures.LendingClub);
        var rows = SolverRows.For(features);
        var weights = Enumerable.Range(0, features.Columns).Select(c => (float)Math.Sin(c + 1)).ToArray();
        var dense = (float[])weights.Clone();

        foreach (var r in new[] { 0, 1, 17, features.Rows - 1 })
        {
            var expected = System.Numerics.Tensors.TensorPrimitives.Dot<float>(dense, features.Row(r));
            Assert.Equal(expected, rows.Dot(weights, r), 3);

            rows.AddScaled(r, 0.25f, weights);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(features.Row(r), 0.25f, dense, dense);
            Assert.Equal(dense, weights);
        }
    }

    [Fact]
    public void Fit_SparseRows_SameSeedSameBits()
    {
        // Agreement with LinearSVC on these rows is LinearSvmGoldenTests'; here the result cache's premise.
        var split = TrainingFixtures.LendingClub;
        var features = Training(split);
        var labels = TrainingFixtures.Baseline(split).Labels;
        var penalties = labels.Select(_ => 0.1).ToArray();

        var first = LinearSvmSolver.Fit(features, labels, penalties, 1000, 0.1, 42, CancellationToken.None);
        var again = LinearSvmSolver.Fit(features, labels, penalties, 1000, 0.1, 42, CancellationToken.None);

        Assert.True(first.Converged);
        Assert.Equal(first.Weights, again.Weights);
        Assert.Equal(first.Bias, again.Bias);
    }

    private static FeatureMatrix Training(FeaturizedSplit split) => split.TrainingMatrix(TrainingFixtures.Baseline(split).OriginalRows);
}
