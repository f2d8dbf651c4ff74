using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

public class RegressionLoopTests
{
    private static readonly Lazy<FeaturizedSplit> Ames = new(() =>
    {
        var data = LabeledDataset.Create(TestData.Bundled("ames_housing"), new TargetChoice("Sale_Price"));
        return FeaturizedSplit.Create(data, StratifiedSplitter.Split(data.Labels, 0.25, 42));
    });

    [Fact]
    public async Task RunAsync_Ames_EachRegressorBeatsTheTrainingMean()
    {
        var split = Ames.Value;
        var prepared = RunPreparation.Prepare(split, [], seed: 42);
        var trainMean = split.Split.TrainRows.Average(r => split.Data.Regression!.Values[r]);
        var actual = split.TestTargets!;
        var meanSquaredError = actual.Average(y => (y - trainMean) * (y - trainMean));

        var results = await Collect(new MullerLoop().RunAsync(prepared.Data, AlgorithmCatalog.RegressionDefaults.Select(AlgorithmSettings.Default).ToArray(),
            new LoopOptions(0.5, 42)));

        Assert.Equal(["lightgbm", "mlp", "random-forest", "svm"], results.Select(r => r.AlgorithmId).Order());
        Assert.All(results, r =>
        {
            Assert.True(r.Status == AlgorithmStatus.Completed, $"{r.AlgorithmId}: {r.Error}");
            Assert.Null(r.Metrics);
            var metrics = r.Regression!;
            Assert.Equal(actual.Count, r.TestPredictions.Count);
            Assert.True(metrics.All.RootMeanSquaredError < Math.Sqrt(meanSquaredError),
                $"{r.AlgorithmId}: RMSE {metrics.All.RootMeanSquaredError:F0} vs the training mean's {Math.Sqrt(meanSquaredError):F0} (R² {metrics.R2:F3})");
            Assert.True(metrics.R2 > 0.5, $"{r.AlgorithmId}: R² {metrics.R2:F3}");
            Assert.Equal(actual.Count(split.Data.Regression!.Relevance.IsRare), metrics.Rare!.Count);
        });
    }

    [Fact]
    public async Task RunAsync_AmesAfterSmoteR_TrainsOnTheSyntheticTargets()
    {
        var split = Ames.Value;
        var prepared = RunPreparation.Prepare(split, [new DistributionChange(new ClassGroup(1), 0.4)], seed: 42);

        var results = await Collect(new MullerLoop().RunAsync(prepared.Data, [AlgorithmSettings.Default(AlgorithmCatalog.Get("lightgbm", TargetTask.Regression))],
            new LoopOptions(0.5, 42)));

        Assert.Equal(prepared.Data.Train.Rows, prepared.Data.TrainTargets!.Count);
        Assert.True(prepared.Resampled.Synthetic.RowCount > 0);
        Assert.True(results.Single().Regression!.R2 > 0.5);
    }

    [Fact]
    public async Task RunAsync_ClassifierOnRegressionData_FailsWithMessage()
    {
        var prepared = RunPreparation.Prepare(Ames.Value, [], seed: 1);

        var results = await Collect(new MullerLoop().RunAsync(prepared.Data, [AlgorithmSettings.Default(AlgorithmCatalog.Get("svm"))], new LoopOptions(0.5, 1)));

        Assert.Equal(AlgorithmStatus.Failed, results.Single().Status);
        Assert.Contains("is a classifier, but the target is predicted as a number", results.Single().Error);
    }

    [Fact]
    public void LinearSvr_ExactLine_RecoversSlopeAndIntercept()
    {
        // y = 2x - 1 on x in [-1, 1]: with a large C and ε = 0 the tube collapses onto the line (up to the small ½‖w‖² pull).
        var x = Enumerable.Range(0, 41).Select(i => -1 + i / 20f).ToArray();
        var features = new FeatureMatrix(x.Length, 1, x);

        var model = LinearSvrSolver.Fit(features, x.Select(v => 2.0 * v - 1).ToArray(), c: 100, epsilon: 0, maxPasses: 1000, tolerance: 1e-4, seed: 3,
            CancellationToken.None);

        Assert.True(model.Converged);
        Assert.Equal(2.0, model.Weights[0], 0.01);
        Assert.Equal(-1.0, model.Bias, 0.01);
    }

    [Fact]
    public void LinearSvr_WideTube_EveryRowInsideCostsNothing()
    {
        // With ε larger than every |y| the zero function already has no loss, so the dual stays at 0 and w = 0, b = 0.
        var features = new FeatureMatrix(4, 1, [1f, 2f, 3f, 4f]);

        var model = LinearSvrSolver.Fit(features, [0.1, -0.2, 0.3, 0.0], c: 1, epsilon: 0.5, maxPasses: 10, tolerance: 1e-4, seed: 1, CancellationToken.None);

        Assert.Equal(0f, model.Weights[0]);
        Assert.Equal(0f, model.Bias);
    }

    private static async Task<List<AlgorithmResult>> Collect(IAsyncEnumerable<AlgorithmResult> results)
    {
        var list = new List<AlgorithmResult>();
        await foreach (var result in results) list.Add(result);
        return list;
    }
}
