using Dashboard.Core.Importance;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Importance;

public class PermutationImportanceTests
{
    [Fact]
    public async Task Compute_PlantedInformativeColumn_RankedFirst()
    {
        var split = PlantedSignal.Split();
        AlgorithmResult? lightgbm = null;
        await foreach (var result in new MullerLoop().RunAsync(split, TrainingRows.Baseline(split.Data, split.Split), [AlgorithmSettings.Default(AlgorithmCatalog.Get("lightgbm"))], new LoopOptions()))
        {
            lightgbm = result;
        }

        var ranking = PermutationImportance.Compute(lightgbm!.Model!, split, repeats: 3, seed: 9);

        Assert.Equal("signal", ranking[0].Column);
        Assert.Equal(4, ranking.Count);
        Assert.True(ranking[0].MeanDrop > 0.2, $"drop {ranking[0].MeanDrop}");
        Assert.All(ranking.Skip(1), r => Assert.True(r.MeanDrop < 0.05, $"{r.Column}: {r.MeanDrop}"));
        Assert.Equal(3, ranking[0].Drops.Count);
    }
}
