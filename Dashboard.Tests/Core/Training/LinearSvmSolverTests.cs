using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// Edges of the solvers' loops: both separate short and narrow matrices, and coordinate descent's prefetch of rows ahead
/// in the order stays inside them.
/// </summary>
public sealed class LinearSvmSolverTests
{
    [Theory]
    [InlineData(2, 1, false)]
    [InlineData(3, 1, false)]
    [InlineData(4, 17, false)] // a row spanning a partial cache line
    [InlineData(9, 3, false)]
    [InlineData(2, 1, true)]
    [InlineData(9, 3, true)]
    [InlineData(6, 40, true)]
    public void Fit_ShortOrNarrowSeparableMatrix_SeparatesTheRows(int rows, int columns, bool newton)
    {
        var features = new FeatureMatrix(rows, columns);
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = r % 2;
            features.Row(r).Fill(labels[r] == 1 ? 1f + r : -1f - r);
        }

        var penalties = labels.Select(_ => 10.0).ToArray();
        var model = newton
            ? LinearSvmNewton.Fit(features, labels, penalties, 100, CancellationToken.None)
            : LinearSvmSolver.Fit(features, labels, penalties, 1000, 1e-3, 7, CancellationToken.None);

        var values = model.DecisionValues(features);
        for (var r = 0; r < rows; r++) Assert.True(labels[r] == 1 ? values[r] > 0 : values[r] < 0, $"row {r}: {values[r]}");
    }

    [Fact]
    public void Prefetch_EveryRowOfSmallMatrices_ReadsNothingAndThrowsNothing()
    {
        foreach (var (rows, columns) in new[] { (1, 1), (3, 17), (2, 123) })
        {
            var matrix = new FeatureMatrix(rows, columns, Enumerable.Range(0, rows * columns).Select(v => (float)v).ToArray());
            var before = (float[])matrix.Values.Clone();
            for (var r = 0; r < rows; r++) matrix.Prefetch(r);
            Assert.Equal(before, matrix.Values);
        }
        new FeatureMatrix(2, 0).Prefetch(1);
    }
}
