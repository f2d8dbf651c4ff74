using Dashboard.Core.Common;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Core.Resampling;

public class NeighbourSearchTests
{
    [Fact]
    public void Find_MissingCoordinates_MatchesScikitLearnNanEuclidean()
    {
        // Arrange: four rows with gaps, and scikit-learn's squared nan_euclidean distances between them.
        var golden = ImbalancedLearnGoldenTests.Golden.Load().NanEuclidean;
        var rows = golden.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? float.NaN : v.GetSingle()).ToArray())
            .ToArray();
        var expected = golden.GetProperty("squared_distances").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var matrix = NeighbourMatrix.FromRows(rows, rows.Select(_ => Array.Empty<int>()).ToArray(), 0);

        // Act: every row's 3 neighbours (all the others).
        var table = NeighbourSearch.Find(matrix, matrix, [0, 1, 2, 3], 3, farthest: false, CancellationToken.None);

        // Assert
        for (var q = 0; q < 4; q++)
        {
            var found = table.Row(q).ToArray();
            Assert.Equal(Enumerable.Range(0, 4).Where(r => r != q).Order(), found.Order());
            for (var i = 0; i < 3; i++) Assert.Equal(expected[q][found[i]], table.DistancesOf(q)[i], 4);
        }
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Find_RandomRows_SameAsNaiveSearch(bool farthest, bool queryGaps, bool referenceGaps)
    {
        // Arrange: more rows than a tile and queries than a block, 7 numeric and 2 categorical features.
        var random = new SeededRandom(5);
        var reference = RandomRows(random, 2500, referenceGaps);
        var queries = RandomRows(random, 70, queryGaps);
        var matrix = NeighbourMatrix.FromRows(reference.Numeric, reference.Codes, 0.7f);
        var queryMatrix = NeighbourMatrix.FromRows(queries.Numeric, queries.Codes, 0.7f);
        const int k = 6;

        // Act
        var table = NeighbourSearch.Find(matrix, queryMatrix, Enumerable.Repeat(-1, 70).ToArray(), k, farthest, CancellationToken.None);

        // Assert
        for (var q = 0; q < 70; q++)
        {
            var naive = Enumerable.Range(0, 2500)
                .Select(r => (Row: r, Distance: NaiveSquaredDistance(queries, q, reference, r, 0.7)))
                .OrderBy(p => farthest ? -p.Distance : p.Distance).ThenBy(p => p.Row)
                .Take(k).ToArray();
            Assert.Equal(naive.Select(p => p.Row), table.Row(q).ToArray());
            for (var i = 0; i < k; i++) Assert.Equal(naive[i].Distance, table.DistancesOf(q)[i], 1e-3 * (1 + naive[i].Distance));
        }
    }

    [Fact]
    public void Find_QueryInReference_SkipsItselfAndBreaksTiesByLowerRow()
    {
        // Arrange: rows 1, 2 and 3 are copies; row 0 is far away.
        float[][] numeric = [[9, 9], [1, 1], [1, 1], [1, 1]];
        var matrix = NeighbourMatrix.FromRows(numeric, numeric.Select(_ => Array.Empty<int>()).ToArray(), 0);

        // Act
        var table = NeighbourSearch.Find(matrix, matrix, [0, 1, 2, 3], 2, farthest: false, CancellationToken.None);

        // Assert
        Assert.Equal([1, 2], table.Row(0).ToArray());
        Assert.Equal([2, 3], table.Row(1).ToArray());
        Assert.Equal([1, 3], table.Row(2).ToArray());
        Assert.Equal([1, 2], table.Row(3).ToArray());
        Assert.Equal(0f, table.DistancesOf(3)[0]);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Find_EachQueryAlone_SameBitsAsInOneCall(bool queryGaps, bool referenceGaps)
    {
        // Arrange: 70 queries fill two blocks of 32 in groups of four and leave six for the one-query path;
        // with gaps some groups of four fall back to it. A cache stores each row's result, so it must not
        // depend on the company a query kept.
        var random = new SeededRandom(11);
        var reference = RandomRows(random, 900, referenceGaps);
        var queries = RandomRows(random, 70, queryGaps);
        var matrix = NeighbourMatrix.FromRows(reference.Numeric, reference.Codes, 0.7f);
        var queryMatrix = NeighbourMatrix.FromRows(queries.Numeric, queries.Codes, 0.7f);
        var self = Enumerable.Range(0, 70).Select(q => q % 5 == 0 ? q * 3 : -1).ToArray();

        // Act
        var together = NeighbourSearch.Find(matrix, queryMatrix, self, 5, farthest: false, CancellationToken.None);
        var alone = Enumerable.Range(0, 70)
            .Select(q => NeighbourSearch.Find(matrix, queryMatrix, [q], [self[q]], 5, farthest: false, CancellationToken.None))
            .ToArray();

        // Assert
        for (var q = 0; q < 70; q++)
        {
            Assert.Equal(together.Row(q).ToArray(), alone[q].Row(0).ToArray());
            Assert.Equal(together.DistancesOf(q).ToArray(), alone[q].DistancesOf(0).ToArray());
        }
    }

    [Fact]
    public void Find_QueryRowsOfTheReference_SameAsACopiedQueryMatrix()
    {
        // Arrange
        var random = new SeededRandom(12);
        var rows = RandomRows(random, 300, withGaps: false);
        var matrix = NeighbourMatrix.FromRows(rows.Numeric, rows.Codes, 0.7f);
        int[] picked = [299, 3, 150, 7, 8];
        var copy = NeighbourMatrix.FromRows(picked.Select(r => rows.Numeric[r]).ToArray(), picked.Select(r => rows.Codes[r]).ToArray(), 0.7f);

        // Act
        var fromRows = NeighbourSearch.Find(matrix, matrix, picked, picked, 4, farthest: true, CancellationToken.None);
        var fromCopy = NeighbourSearch.Find(matrix, copy, picked, 4, farthest: true, CancellationToken.None);

        // Assert
        Assert.Equal(fromCopy.Indices, fromRows.Indices);
        Assert.Equal(fromCopy.SquaredDistances, fromRows.SquaredDistances);
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 1, false)]
    [InlineData(37, 36, false)]
    [InlineData(70, 5, true)]
    [InlineData(333, 7, true)]
    [InlineData(2600, 5, true)]
    public void FindSelf_EveryRowOfAMatrix_SameBitsAsTheQueryKernel(int count, int k, bool duplicates)
    {
        // Arrange: more than a tile (2,048 rows) in the largest case, partial blocks, and copied rows for exact ties.
        var random = new SeededRandom(13);
        var rows = RandomRows(random, count, withGaps: false);
        if (duplicates)
        {
            for (var r = 0; r < count; r += 9) (rows.Numeric[r], rows.Codes[r]) = (rows.Numeric[count - 1 - r], rows.Codes[count - 1 - r]);
        }
        var matrix = NeighbourMatrix.FromRows(rows.Numeric, rows.Codes, 0.7f);
        var every = Enumerable.Range(0, count).ToArray();

        // Act
        var symmetric = SelfNeighbourSearch.Find(matrix, k, CancellationToken.None);
        var direct = NeighbourSearch.Find(matrix, matrix, every, k, farthest: false, CancellationToken.None);

        // Assert
        Assert.Equal(direct.Indices, symmetric.Indices);
        Assert.Equal(direct.SquaredDistances, symmetric.SquaredDistances);
    }

    private sealed record Rows(float[][] Numeric, int[][] Codes);

    private static Rows RandomRows(SeededRandom random, int count, bool withGaps)
    {
        var numeric = new float[count][];
        var codes = new int[count][];
        for (var r = 0; r < count; r++)
        {
            numeric[r] = Enumerable.Range(0, 7).Select(_ => withGaps && random.NextDouble() < 0.15 ? float.NaN : (float)(random.NextDouble() * 4 - 2)).ToArray();
            codes[r] = [random.NextInt(3), random.NextInt(4) - 1];
        }
        return new Rows(numeric, codes);
    }

    /// <summary>The definition, in doubles: nan-euclidean over numeric features plus the penalty per differing category.</summary>
    private static double NaiveSquaredDistance(Rows queries, int q, Rows reference, int r, double penalty)
    {
        double sum = 0;
        var present = 0;
        for (var f = 0; f < 7; f++)
        {
            double a = queries.Numeric[q][f], b = reference.Numeric[r][f];
            if (double.IsNaN(a) || double.IsNaN(b)) continue;
            sum += (a - b) * (a - b);
            present++;
        }
        var numeric = present == 0 ? float.MaxValue : sum * 7 / present;
        return numeric + penalty * queries.Codes[q].Zip(reference.Codes[r]).Count(p => p.First != p.Second);
    }
}
