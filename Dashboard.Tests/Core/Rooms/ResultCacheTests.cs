using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Components;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>The cache's keys cover everything a result depends on; it is bounded, least recently used first.</summary>
public class ResultCacheTests
{
    private static readonly DatasetChoice Titanic = new("titanic");
    private static readonly ClassGroup Yes = new(1);
    private static readonly DistributionChange Move = new(Yes, 0.4);

    private static string Rows(DatasetChoice? dataset = null, DistributionChange[]? changes = null, bool leaky = false) =>
        ResultCache.PreparationKey(dataset ?? Titanic, changes ?? [Move], leaky);

    private static AlgorithmSettings Svm(HyperparameterValues? values = null, ClassWeighting? weight = null) =>
        new(AlgorithmCatalog.Get("svm"), values ?? HyperparameterValues.Defaults, weight ?? ClassWeighting.None);

    [Fact]
    public void PreparationKey_ChangesWithEverySettingOfTheRows()
    {
        var keys = new[]
        {
            Rows(),
            Rows(Titanic with { Source = "lending_club" }),
            Rows(Titanic with { Target = "sex" }),
            Rows(Titanic with { PositiveClass = "no" }),
            Rows(Titanic with { ExcludedColumns = ["age"] }),
            Rows(Titanic with { SplitSeed = 7 }),
            Rows(Titanic with { TestShare = 0.3 }),
            Rows(Titanic with { KindOverrides = new Dictionary<string, ColumnKind> { ["pclass"] = ColumnKind.Categorical } }),
            Rows(changes: [Move with { TargetShare = 0.41 }]),
            Rows(changes: [Move with { Under = UndersamplingMethod.NearMiss1 }]),
            Rows(changes: [Move with { Over = OversamplingMethod.Adasyn }]),
            Rows(changes: [Move with { K = 3 }]),
            Rows(changes: [new DistributionChange(new ClassGroup(0), 0.4)]),
            Rows(changes: [new DistributionChange(new CategoryGroup("sex", "female"), 0.3), Move]),
            Rows(changes: [Move, new DistributionChange(new CategoryGroup("sex", "female"), 0.3)]),
            Rows(changes: []),
            Rows(leaky: true),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(Rows(), Rows(new DatasetChoice("titanic"), [new DistributionChange(new ClassGroup(1), 0.4)]));
    }

    [Fact]
    public void ResultKey_ChangesWithTheAlgorithmItsSettingsAndTheSeed()
    {
        var rows = Rows();
        var keys = new[]
        {
            ResultCache.ResultKey(rows, Svm(), 42),
            ResultCache.ResultKey(Rows(leaky: true), Svm(), 42),
            ResultCache.ResultKey(rows, new AlgorithmSettings(AlgorithmCatalog.Get("mlp"), HyperparameterValues.Defaults, ClassWeighting.None), 42),
            ResultCache.ResultKey(rows, Svm(HyperparameterValues.Defaults.With("c", 2)), 42),
            ResultCache.ResultKey(rows, Svm(weight: new ClassWeighting(ClassWeightMode.Balanced)), 42),
            ResultCache.ResultKey(rows, Svm(weight: new ClassWeighting(ClassWeightMode.Custom, 3)), 42),
            ResultCache.ResultKey(rows, Svm(), 43),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        // The order hyperparameters were set in does not matter, only their values.
        Assert.Equal(ResultCache.ResultKey(rows, Svm(HyperparameterValues.Defaults.With("c", 2).With("passes", 5)), 42),
            ResultCache.ResultKey(rows, Svm(HyperparameterValues.Defaults.With("passes", 5).With("c", 2)), 42));
    }

    [Fact]
    public void Results_LeastRecentlyUsedDropped_FailedOnesNeverKept_ModelsNotKept()
    {
        var cache = new ResultCache(results: 2, preparedRuns: 1);
        cache.SetResult("a", TestResults.Completed("svm", TestResults.GoodScores));
        cache.SetResult("b", TestResults.Completed("mlp", TestResults.GoodScores));
        Assert.True(cache.TryGetResult("a", out _)); // a is now the most recently used
        cache.SetResult("c", TestResults.Completed("lightgbm", TestResults.GoodScores));
        cache.SetResult("d", TestResults.Failed("svm", "diverged"));

        Assert.True(cache.TryGetResult("a", out var kept));
        Assert.False(cache.TryGetResult("b", out _));
        Assert.True(cache.TryGetResult("c", out _));
        Assert.False(cache.TryGetResult("d", out _));
        Assert.Null(kept.Model);
        Assert.Equal(2, cache.ResultCount);
        Assert.Equal((3L, 2L), (cache.Hits, cache.Misses));
    }
}
