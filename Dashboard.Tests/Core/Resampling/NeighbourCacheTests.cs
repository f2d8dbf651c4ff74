using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

public class NeighbourCacheTests
{
    private static readonly LabeledDataset Titanic = Bundled("titanic");

    /// <summary>Moves that search neighbours in every way the engine does: SMOTE-NC on class and feature groups (titanic has categories and missing ages), the variants, NearMiss and the cleaning presets.</summary>
    /// <remarks>NearMiss reuses nothing: its queries are rows of the other class, outside the pool they search, and only pool rows' lists are kept.</remarks>
    public static TheoryData<string, DistributionChange[], bool> Moves => new()
    {
        { "SMOTE-NC, class", [new DistributionChange(new ClassGroup(1), 0.5)], true },
        { "SMOTE-NC, feature group", [new DistributionChange(new CategoryGroup("class", "3rd"), 0.7)], true },
        { "Borderline-SMOTE", [new DistributionChange(new ClassGroup(1), 0.55, Over: OversamplingMethod.BorderlineSmote1)], true },
        { "ADASYN", [new DistributionChange(new ClassGroup(1), 0.55, Over: OversamplingMethod.Adasyn)], true },
        { "NearMiss-3", [new DistributionChange(new ClassGroup(0), 0.5, Under: UndersamplingMethod.NearMiss3)], false },
        { "SMOTE + ENN", [DistributionChange.SmoteEnn(new ClassGroup(1), 0.5)], true },
        { "SMOTE + Tomek, after a feature slider", [new DistributionChange(new CategoryGroup("embarked", "Q"), 0.2), DistributionChange.SmoteTomek(new ClassGroup(1), 0.5)], true },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Apply_ColdAndWarmCache_SameRowsAsWithout(string name, DistributionChange[] changes, bool reuses)
    {
        // Arrange
        var train = TrainRows(Titanic, 7);
        var cache = new NeighbourCache();
        var options = ResamplingOptions.Default with { Neighbours = cache };

        // Act
        var fresh = Resampler.Apply(Titanic, train, changes, seed: 3);
        var cold = Resampler.Apply(Titanic, train, changes, seed: 3, options);
        var warm = Resampler.Apply(Titanic, train, changes, seed: 3, options);

        // Assert
        AssertSameRows(fresh, cold);
        AssertSameRows(fresh, warm);
        Assert.Equal(reuses, warm.NeighboursReused > 0);
        Assert.True(warm.NeighboursSearched < fresh.NeighboursSearched || !reuses, name);
        Assert.Equal(fresh.NeighboursSearched, cold.NeighboursSearched);
        Assert.Equal(0, fresh.NeighboursReused);
    }

    [Fact]
    public void Apply_RepeatWithWarmCache_SearchesNoNeighbours()
    {
        // Arrange
        var train = TrainRows(Titanic, 7);
        var cache = new NeighbourCache();
        var options = ResamplingOptions.Default with { Neighbours = cache };
        var change = new DistributionChange(new ClassGroup(1), 0.5);
        var first = Resampler.Apply(Titanic, train, [change], seed: 3, options);
        var (queries, hits) = (cache.Queries, cache.Hits);

        // Act
        var again = Resampler.Apply(Titanic, train, [change], seed: 3, options);

        // Assert: every base drawn the first time is answered from the cache, and nothing is searched.
        Assert.True(first.NeighboursSearched > 100);
        Assert.Equal(queries, cache.Queries);
        Assert.Equal(hits + first.NeighboursSearched, cache.Hits);
        Assert.Equal(0, again.NeighboursSearched);
        Assert.Equal(first.NeighboursSearched, again.Changes[0].NeighboursReused);
    }

    [Fact]
    public void Apply_SliderMovesFurther_SearchesOnlyTheNewBases()
    {
        // Arrange: the same seed draws the same first bases, so a bigger move draws a superset.
        var train = TrainRows(Titanic, 7);
        var options = ResamplingOptions.Default with { Neighbours = new NeighbourCache() };
        var small = Resampler.Apply(Titanic, train, [new DistributionChange(new ClassGroup(1), 0.4)], seed: 3, options);

        // Act
        var large = Resampler.Apply(Titanic, train, [new DistributionChange(new ClassGroup(1), 0.6)], seed: 3, options);
        var uncached = Resampler.Apply(Titanic, train, [new DistributionChange(new ClassGroup(1), 0.6)], seed: 3);

        // Assert
        Assert.Equal(small.NeighboursSearched, large.NeighboursReused);
        Assert.True(large.NeighboursSearched > 0);
        Assert.Equal(uncached.NeighboursSearched, large.NeighboursSearched + large.NeighboursReused);
        AssertSameRows(uncached, large);
    }

    public static TheoryData<string> Misses => ["k", "training rows", "data set instance", "pool", "search kind"];

    [Theory]
    [MemberData(nameof(Misses))]
    public void Apply_DifferentKey_ReusesNothing(string difference)
    {
        // Arrange
        var train = TrainRows(Titanic, 7);
        var options = ResamplingOptions.Default with { Neighbours = new NeighbourCache() };
        Resampler.Apply(Titanic, train, [new DistributionChange(new ClassGroup(1), 0.5)], seed: 3, options);
        var (data, rows, change, moved) = (Titanic, train, new DistributionChange(new ClassGroup(1), 0.5), options);
        switch (difference)
        {
            case "k": change = change with { K = 4 }; break;
            case "training rows": rows = TrainRows(Titanic, 8); break;
            case "data set instance": data = Bundled("titanic"); break;
            case "pool": change = new DistributionChange(new CategoryGroup("gender", "female"), 0.5); break;
            case "search kind": moved = options with { ExactSearchLimit = 400 }; break;
        }

        // Act
        var result = Resampler.Apply(data, rows, [change], seed: 3, moved);

        // Assert
        Assert.Equal(0, result.NeighboursReused);
        Assert.True(result.NeighboursSearched > 0);
        AssertSameRows(Resampler.Apply(data, rows, [change], seed: 3, moved with { Neighbours = null }), result);
    }

    [Fact]
    public void Apply_PoolWithSyntheticRows_IsNotCached()
    {
        // Arrange: the feature slider adds synthetic 3rd-class rows, so the class slider's pool holds rows of this call only.
        var train = TrainRows(Titanic, 7);
        var cache = new NeighbourCache();
        var options = ResamplingOptions.Default with { Neighbours = cache };
        DistributionChange[] changes = [new DistributionChange(new CategoryGroup("class", "3rd"), 0.7), new DistributionChange(new ClassGroup(1), 0.5)];
        Resampler.Apply(Titanic, train, changes, seed: 3, options);

        // Act
        var again = Resampler.Apply(Titanic, train, changes, seed: 3, options);

        // Assert
        Assert.True(again.Changes[0].NeighboursReused > 0);
        Assert.Equal(0, again.Changes[0].NeighboursSearched);
        Assert.Equal(0, again.Changes[1].NeighboursReused);
        Assert.True(again.Changes[1].NeighboursSearched > 0);
    }

    [Fact]
    public void Apply_BudgetForOnePool_EvictsTheLeastRecentlyUsed()
    {
        // Arrange: a budget that holds the survivors' pool with its lists, but not a second pool besides.
        var train = TrainRows(Titanic, 7);
        var probe = new NeighbourCache();
        var survivors = new DistributionChange(new ClassGroup(1), 0.5);
        var women = new DistributionChange(new CategoryGroup("gender", "female"), 0.5);
        Resampler.Apply(Titanic, train, [survivors], seed: 3, ResamplingOptions.Default with { Neighbours = probe });
        var cache = new NeighbourCache(probe.Bytes + 1024);
        var options = ResamplingOptions.Default with { Neighbours = cache };
        Resampler.Apply(Titanic, train, [survivors], seed: 3, options);

        // Act
        Resampler.Apply(Titanic, train, [women], seed: 3, options);
        var survivorsAgain = Resampler.Apply(Titanic, train, [survivors], seed: 3, options);

        // Assert
        Assert.Equal(1, probe.PoolCount);
        Assert.True(cache.Evictions >= 2);
        Assert.True(cache.Bytes <= cache.ByteBudget);
        Assert.Equal(0, survivorsAgain.NeighboursReused);
    }

    [Fact]
    public void Apply_ZeroBudget_CachesNothingAndStillMatches()
    {
        // Arrange
        var train = TrainRows(Titanic, 7);
        var cache = new NeighbourCache(byteBudget: 0);
        var options = ResamplingOptions.Default with { Neighbours = cache };
        var change = new DistributionChange(new ClassGroup(1), 0.5);

        // Act
        Resampler.Apply(Titanic, train, [change], seed: 3, options);
        var again = Resampler.Apply(Titanic, train, [change], seed: 3, options);

        // Assert
        Assert.Equal(0, cache.PoolCount);
        Assert.Equal(0, cache.Bytes);
        Assert.Equal(0, again.NeighboursReused);
        AssertSameRows(Resampler.Apply(Titanic, train, [change], seed: 3), again);
    }

    [Fact]
    public async Task Apply_ConcurrentCallsSharingACache_SameRowsAsAlone()
    {
        // Arrange: two rooms on one data set and split, moving different sliders at once.
        var train = TrainRows(Titanic, 7);
        var options = ResamplingOptions.Default with { Neighbours = new NeighbourCache() };
        DistributionChange[][] moves =
        [
            [new DistributionChange(new ClassGroup(1), 0.5)],
            [new DistributionChange(new ClassGroup(1), 0.6)],
            [new DistributionChange(new CategoryGroup("class", "3rd"), 0.7)],
            [DistributionChange.SmoteEnn(new ClassGroup(1), 0.5)],
        ];

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Resampler.Apply(Titanic, train, moves[i % moves.Length], seed: 3, options))));

        // Assert
        for (var i = 0; i < results.Length; i++) AssertSameRows(Resampler.Apply(Titanic, train, moves[i % moves.Length], seed: 3), results[i]);
    }

    [Fact]
    public void Space_SameTrainingRowsInAnotherList_IsTheSameSpace()
    {
        // Arrange
        var cache = new NeighbourCache();
        var train = TrainRows(Titanic, 7);

        // Act
        var first = cache.Space(Titanic, train);
        var copy = cache.Space(Titanic, train.ToList());
        var reordered = cache.Space(Titanic, train.Reverse().ToArray());

        // Assert: equal lists share one space; another order is another space, as its sums are taken in another order.
        Assert.Same(first, copy);
        Assert.NotSame(first, reordered);
    }

    /// <summary>A seeded 75 % of the rows, in a seeded order, as a split would give.</summary>
    private static int[] TrainRows(LabeledDataset data, int seed) =>
        StratifiedSplitter.Split(data.Labels, 0.25, seed).TrainRows.ToArray();

    private static void AssertSameRows(ResampledTrainingSet expected, ResampledTrainingSet actual)
    {
        Assert.Equal(expected.OriginalRows, actual.OriginalRows);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.SyntheticOrigins, actual.SyntheticOrigins);
        Assert.Equal(Snapshot(expected.Synthetic), Snapshot(actual.Synthetic));
        Assert.Equal(expected.Changes.Select(c => (c.GroupAfter, c.RowsAdded, c.RowsRemoved, c.KUsed, c.Search)),
            actual.Changes.Select(c => (c.GroupAfter, c.RowsAdded, c.RowsRemoved, c.KUsed, c.Search)));
    }
}
