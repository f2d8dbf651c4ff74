using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public class RunPreparationTests
{
    private static readonly FeaturizedSplit Titanic = TrainingFixtures.Prepare("titanic", "survived");

    private static DistributionChange[] BalanceWithSmote() => [new(new ClassGroup(1), 0.5)];

    [Fact]
    public void Prepare_Honest_TestRowsAreTheSplitsUntouchedRows()
    {
        var run = RunPreparation.Prepare(Titanic, BalanceWithSmote(), seed: 42);

        Assert.Same(Titanic.Test, run.Data.Test);
        Assert.Equal(Titanic.TestLabels, run.Data.TestLabels);
        Assert.False(run.Summary.Leaky);
        Assert.Equal(Titanic.Test.Rows, run.Summary.TestRows);
        Assert.Equal(0.5, run.Summary.PositivesAfter / (double)run.Summary.RowsAfter, 2);
    }

    [Fact]
    public void Prepare_Leaky_SyntheticRowsReachTheTestRows()
    {
        var run = RunPreparation.Prepare(Titanic, BalanceWithSmote(), seed: 42, leaky: true);

        Assert.True(run.Summary.Leaky);
        // Split after resampling: the test part is a quarter of real and synthetic rows together, balanced;
        // the summary gives the rows really trained and scored on.
        Assert.Equal(run.Summary.RowsAfter, run.Data.Train.Rows);
        Assert.Equal(run.Summary.TestRows, run.Data.Test.Rows);
        Assert.Equal(run.Summary.PositivesAfter, run.Data.TrainLabels.Count(l => l == 1));
        Assert.Equal(run.Resampled.RowCount, run.Data.Train.Rows + run.Data.Test.Rows);
        Assert.InRange(run.Data.TestLabels.Average(), 0.49, 0.51);
        Assert.True(run.Data.Test.Rows > Titanic.Test.Rows);
    }

    [Fact]
    public async Task Leaky_SameAlgorithm_ScoresInflateOverHonest()
    {
        var forest = new[] { AlgorithmSettings.Default(AlgorithmCatalog.Get("random-forest")) };
        async Task<double> AucAsync(bool leaky)
        {
            var run = RunPreparation.Prepare(Titanic, BalanceWithSmote(), seed: 42, leaky);
            await foreach (var result in new MullerLoop().RunAsync(run.Data, forest, new LoopOptions())) return result.Metrics!.RocAuc;
            throw new InvalidOperationException("no result");
        }

        var honest = await AucAsync(leaky: false);
        var leaky = await AucAsync(leaky: true);

        Assert.True(leaky > honest + 0.02, $"leaky {leaky:F3} vs honest {honest:F3}");
    }
}
