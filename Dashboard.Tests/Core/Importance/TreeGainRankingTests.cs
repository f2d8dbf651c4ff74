using Dashboard.Core.Importance;
using Dashboard.Core.Training;

using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Importance;

public class TreeGainRankingTests
{
    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    public void Rank_PlantedInformativeColumn_TakesMostOfTheGain(string algorithm)
    {
        var split = PlantedSignal.Split();
        var rows = TrainingRows.Baseline(split.Data, split.Split);

        var model = AlgorithmCatalog.Get(algorithm).Train(new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels,
            HyperparameterValues.Defaults, ClassWeighting.None, 42), CancellationToken.None);
        var ranking = TreeGainRanking.Rank(Assert.IsAssignableFrom<ITreeGains>(model), split.Featurizer);

        Assert.Equal(["color", "noise1", "noise2", "signal"], ranking.Select(r => r.Column).Order(StringComparer.Ordinal));
        Assert.Equal("signal", ranking[0].Column);
        Assert.True(ranking[0].Share > 0.5, $"signal's share {ranking[0].Share}");
        Assert.Equal(1.0, ranking.Sum(r => r.Share), 9);
    }

    [Fact]
    public void Rank_SumsTheSlotsOfEachColumn()
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");
        var slots = split.Featurizer.Slots;
        // One unit of gain per slot: a column's gain is then its number of slots.
        var ranking = TreeGainRanking.Rank(new FixedGains(slots.Select(_ => 1.0).ToArray()), split.Featurizer);

        foreach (var column in ranking)
        {
            Assert.Equal(slots.Count(s => s.SourceColumn == column.Column), column.Gain);
            Assert.Equal(column.Gain / slots.Count, column.Share, 12);
        }
        Assert.Equal(slots.Select(s => s.SourceColumn).Distinct().Count(), ranking.Count);
    }

    [Fact]
    public void Rank_ModelOfAnotherWidth_ClearMessage()
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");

        var error = Assert.Throws<ArgumentException>(() => TreeGainRanking.Rank(new FixedGains([1, 2]), split.Featurizer));

        Assert.Contains("gains for 2 slots", error.Message);
    }

    [Fact]
    public void NonTreeAlgorithms_ReportNoGains()
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var model = AlgorithmCatalog.Get("svm").Train(new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels,
            HyperparameterValues.Defaults, ClassWeighting.None, 42), CancellationToken.None);

        Assert.False(model is ITreeGains);
    }

    private sealed record FixedGains(IReadOnlyList<double> SlotGains) : ITreeGains;
}
