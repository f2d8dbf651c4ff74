using Dashboard.Core.Data;
using Dashboard.Core.Fairness;

namespace Dashboard.Tests.Core.Fairness;

public class ProxyDetectorTests
{
    private static readonly int[] AllRows = Enumerable.Range(0, 20).ToArray();

    // 10 "f" rows then 10 "m" rows.
    private static CategoricalColumn Gender() => Text("gender", Enumerable.Range(0, 20).Select(i => i < 10 ? "f" : "m"));

    private static CategoricalColumn Text(string name, IEnumerable<string> values)
    {
        var array = values.ToArray();
        var categories = array.Distinct().ToArray();
        return new CategoricalColumn(name, Array.ConvertAll(array, v => Array.IndexOf(categories, v)), categories);
    }

    private static ProxyScore Score(params DataColumn[] others) =>
        ProxyDetector.Detect(new Dataset("t", [Gender(), .. others]), "gender", AllRows).Single();

    [Fact]
    public void CramersV_TwoByThreeTable_HandComputed()
    {
        // Row totals 4, 4; column totals 4, 2, 2; n = 8; expected 2 1 1 in both rows.
        // χ² = 1/2 + 0 + 1/1 + 1/2 + 0 + 1/1 = 3; V = sqrt(3 / (8 · 1)) = sqrt(0.375).
        // (scipy.stats.contingency.association(..., method="cramer") agrees: 0.6123724356957945.)
        var (value, defined) = ProxyDetector.CramersV(new[,] { { 3, 1, 0 }, { 1, 1, 2 } });

        Assert.True(defined);
        Assert.Equal(Math.Sqrt(0.375), value, 15);
    }

    [Fact]
    public void CramersV_IndependentTable_Zero()
    {
        // Both rows split 2 : 1 : 3, so every cell equals its expected count.
        var (value, defined) = ProxyDetector.CramersV(new[,] { { 2, 1, 3 }, { 4, 2, 6 } });

        Assert.True(defined);
        Assert.Equal(0.0, value, 15);
    }

    [Fact]
    public void CramersV_EmptyRowIgnoredAndSingleColumnUndefined()
    {
        Assert.Equal(ProxyDetector.CramersV(new[,] { { 3, 1, 0 }, { 1, 1, 2 } }), ProxyDetector.CramersV(new[,] { { 3, 1, 0 }, { 0, 0, 0 }, { 1, 1, 2 } }));
        Assert.Equal((0.0, false), ProxyDetector.CramersV(new[,] { { 3 }, { 5 } }));
    }

    [Fact]
    public void Detect_CopyOfSensitiveColumn_VIsOneAndFlagged()
    {
        var score = Score(Text("sex", Enumerable.Range(0, 20).Select(i => i < 10 ? "woman" : "man")));

        Assert.Equal(1.0, score.CramersV, 12);
        Assert.True(score.IsProxy);
        Assert.Equal(ProxyReading.Categories, score.Reading);
    }

    [Fact]
    public void Detect_NumericCopyOfSensitiveColumn_ReadAsQuartilesVIsOne()
    {
        var score = Score(new NumericColumn("code", Enumerable.Range(0, 20).Select(i => i < 10 ? 0.0 : 1.0).ToArray()));

        Assert.Equal(1.0, score.CramersV, 12);
        Assert.Equal(ProxyReading.Quartiles, score.Reading);
    }

    [Fact]
    public void Detect_IndependentColumn_VIsZeroNotFlagged()
    {
        // Each gender has 5 "x" and 5 "y": the table is [[5, 5], [5, 5]], χ² = 0.
        var score = Score(Text("side", Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "x" : "y")));

        Assert.Equal(0.0, score.CramersV, 15);
        Assert.False(score.IsProxy);
        Assert.True(score.Defined);
    }

    [Fact]
    public void Detect_UniqueNamesSharingNoWord_NotAProxy()
    {
        // Plain V on 20 unique values would be 1; every name is rare, so all merge into "(other)": nothing to measure.
        var score = Score(Text("name", Enumerable.Range(0, 20).Select(i => $"{(char)('a' + i)}{(char)('a' + i)}")));

        Assert.Equal(ProxyReading.MostCommonWord, score.Reading);
        Assert.Equal(0.0, score.CramersV);
        Assert.False(score.Defined);
        Assert.False(score.IsProxy);
    }

    [Fact]
    public void Detect_UniqueNamesWithTitles_TitleFoundAndFlagged()
    {
        // Unique surnames, but "Mr" in every male and "Mrs" in every female name: the most common word is the title.
        var score = Score(Text("name", Enumerable.Range(0, 20).Select(i => $"{(char)('a' + i)}{(char)('a' + i)}, {(i < 10 ? "Mrs" : "Mr")}.")));

        Assert.Equal(ProxyReading.MostCommonWord, score.Reading);
        Assert.Equal(2, score.Categories);
        Assert.Equal(1.0, score.CramersV, 12);
        Assert.True(score.IsProxy);
    }

    [Fact]
    public void Detect_SeveralColumns_StrongestFirst()
    {
        var scores = ProxyDetector.Detect(new Dataset("t", [
            Text("side", Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "x" : "y")),
            Gender(),
            Text("sex", Enumerable.Range(0, 20).Select(i => i < 10 ? "woman" : "man")),
        ]), "gender", AllRows);

        Assert.Equal(["sex", "side"], scores.Select(s => s.Column));
    }

    [Fact]
    public void Detect_TitanicGender_OnlyTheNameColumnIsAProxy()
    {
        // Measured at seed 42: name 0.99 (titles Mr, Mrs, Miss, Master), then fare 0.44, sibsp 0.42, class 0.41
        // (the crew is almost all male). Asserted: what a different split would not move across 0.5.
        var data = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived"));
        var split = StratifiedSplitter.Split(data.Labels, StratifiedSplitter.DefaultTestShare, 42);

        var scores = ProxyDetector.Detect(data.Data, "gender", split.TrainRows, data.Data.Columns.Select(c => c.Name).Where(n => n != "survived"));

        var name = scores[0];
        Assert.Equal(("name", ProxyReading.MostCommonWord), (name.Column, name.Reading));
        Assert.True(name.CramersV > 0.9, $"name: V = {name.CramersV}");
        Assert.Equal(["name"], scores.Where(s => s.IsProxy).Select(s => s.Column));
        Assert.True(scores.Single(s => s.Column == "age").CramersV < 0.2);
        Assert.Equal(9, scores.Count);
    }
}
