using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Core.Resampling;

/// <summary>
/// The cleaning undersamplers against imbalanced-learn 0.10 on a fixed data set (150 rows, 4 features,
/// 102 / 48). Fixture: TestData/golden/resampling_imblearn.json, made by tools/fixtures/make_resampling_fixture.py.
/// </summary>
public class ImbalancedLearnGoldenTests
{
    private static readonly Lazy<Golden> Fixture = new(Golden.Load);

    public static TheoryData<string> Cases() => new(Fixture.Value.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_GoldenCase_KeepsTheRowsImbalancedLearnKeeps(string name)
    {
        // Arrange
        var golden = Fixture.Value;
        var testCase = golden.Cases.Single(c => c.Name == name);
        var rows = Enumerable.Range(0, golden.Data.RowCount).ToArray();
        var group = new ClassGroup(testCase.Label);
        var groupRows = golden.Data.Labels.Count(l => l == testCase.Label);
        var rest = rows.Length - groupRows;
        var change = testCase.Method switch
        {
            // NearMiss keeps exactly `keep` rows: ask for that share.
            var m when m.StartsWith("NearMiss") => new DistributionChange(group, (double)testCase.Keep / (testCase.Keep + rest), Under: Enum.Parse<UndersamplingMethod>(m)),
            // A cleaning method asked for 1 row removes every row it finds, and nothing else.
            "CleanTomekLinks" => DistributionChange.SmoteTomek(group, (double)groupRows / rows.Length),
            "CleanEditedNearestNeighbours" => DistributionChange.SmoteEnn(group, (double)groupRows / rows.Length),
            var m => new DistributionChange(group, 1.0 / (1 + rest), Under: Enum.Parse<UndersamplingMethod>(m)),
        };

        // Act
        var result = Resampler.Apply(golden.Data, rows, [change], seed: 1);

        // Assert
        Assert.Equal(testCase.KeptRows, result.OriginalRows.Order());
        Assert.Equal(0, result.Synthetic.RowCount);
        var expectNotReached = testCase.Method is "NearMiss3" or "TomekLinks" or "EditedNearestNeighbours";
        Assert.Equal(expectNotReached, result.Warnings.Any(w => w.Kind == ResamplingWarningKind.TargetNotReached));
        Assert.DoesNotContain(result.Warnings, w => w.Kind == ResamplingWarningKind.ShareClamped);
    }

    [Fact]
    public void Apply_TomekFindsMoreThanNeeded_RemovesExactlyTheExcessFromItsLinks()
    {
        // Arrange: ask the majority class to lose only 2 rows; imbalanced-learn finds 9 in links.
        var golden = Fixture.Value;
        var rows = Enumerable.Range(0, golden.Data.RowCount).ToArray();
        var linked = rows.Except(golden.Cases.Single(c => c.Name == "tomek_class0").KeptRows).ToHashSet();
        var change = new DistributionChange(new ClassGroup(0), 100.0 / 148, Under: UndersamplingMethod.TomekLinks);

        // Act
        var result = Resampler.Apply(golden.Data, rows, [change], seed: 1);

        // Assert
        var removed = rows.Except(result.OriginalRows).ToArray();
        Assert.Equal(2, removed.Length);
        Assert.All(removed, r => Assert.Contains(r, linked));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(OversamplingMethod.BorderlineSmote1, "Borderline-SMOTE 1")]
    [InlineData(OversamplingMethod.Adasyn, "ADASYN")]
    public void Apply_BorderAwareSmoteOnGolden_ExactCountFromSomeBases(OversamplingMethod method, string name)
    {
        // Arrange: 48 positives, 102 negatives, so balancing adds 54 rows.
        var golden = Fixture.Value;
        var rows = Enumerable.Range(0, golden.Data.RowCount).ToArray();

        // Act
        var result = Resampler.Apply(golden.Data, rows, [new DistributionChange(new ClassGroup(1), 0.5, Over: method)], seed: 1);

        // Assert: both start only from rows with other-class neighbours, so not from every positive.
        Assert.Equal(name, result.Changes[0].Method);
        Assert.Equal(102, result.Labels.Count(l => l == 1));
        Assert.Empty(result.Warnings);
        Assert.InRange(result.SyntheticOrigins.Select(o => o.BaseRow).Distinct().Count(), 1, 47);
    }

    internal sealed record GoldenCase(string Name, string Method, int Label, int Keep, int[] KeptRows);

    internal sealed record Golden(LabeledDataset Data, IReadOnlyList<GoldenCase> Cases, JsonElement NanEuclidean)
    {
        public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "golden", "resampling_imblearn.json");

        public static Golden Load()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path));
            var root = json.RootElement;
            var features = root.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray();
            var csv = new StringBuilder(string.Join(",", features) + ",y\n");
            var labels = root.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()).ToArray();
            var i = 0;
            foreach (var row in root.GetProperty("rows").EnumerateArray())
            {
                // The fixture's numbers are written back as they were read, so both sides see the same doubles.
                csv.Append(string.Join(",", row.EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture))));
                csv.Append(labels[i++] == 1 ? ",pos\n" : ",neg\n");
            }
            var cases = root.GetProperty("cases").EnumerateArray().Select(c => new GoldenCase(
                c.GetProperty("name").GetString()!, c.GetProperty("method").GetString()!, c.GetProperty("label").GetInt32(),
                c.TryGetProperty("keep", out var keep) ? keep.GetInt32() : 0,
                c.GetProperty("kept_rows").EnumerateArray().Select(r => r.GetInt32()).ToArray())).ToArray();
            return new Golden(ResamplingTestData.FromCsv(csv.ToString()), cases, root.GetProperty("nan_euclidean").Clone());
        }
    }
}
