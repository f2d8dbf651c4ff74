using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The `svm` seat solves scikit-learn LinearSVC's problem, so its test-row ROC AUC must stay within 0.02 of
/// LinearSVC's on the same rows (issue 4's target). Reference: tools/fixtures/make_svm_fixture.py.
/// C = 1 is in the fixture but not tested here: both solvers need hundreds of passes there (LinearSVC stops
/// unconverged at 1,000), which is slow for a unit test and is what `bench loop` records.
/// </summary>
public sealed class LinearSvmGoldenTests
{
    private const double AucTolerance = 0.02;

    public static TheoryData<string, double, bool> Cases()
    {
        var data = new TheoryData<string, double, bool>();
        foreach (var set in Fixture.Value.DataSets)
        {
            foreach (var c in set.Cases.Where(c => c.C < 1)) data.Add(set.Data, c.C, c.Balanced);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocAuc_WithinTolerance_OfLinearSvc(string dataSet, double penalty, bool balanced)
    {
        var golden = Fixture.Value.DataSets.Single(d => d.Data == dataSet);
        var split = dataSet == "lending_club" ? TrainingFixtures.LendingClub : TrainingFixtures.Prepare(dataSet, "survived");
        Assert.Equal(golden.TestRows, split.Split.TestRows.Order());

        var rows = TrainingFixtures.Baseline(split);
        var svm = AlgorithmCatalog.Get("svm");
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels,
            HyperparameterValues.Defaults.With("c", penalty),
            balanced ? new ClassWeighting(ClassWeightMode.Balanced) : ClassWeighting.None, Seed: 42);
        var scores = svm.Train(input, CancellationToken.None).PredictProbabilities(split.Test).Select(s => (double)s).ToArray();

        var auc = MetricsCalculator.Compute(split.TestLabels.ToArray(), scores).RocAuc;
        var expected = golden.Cases.Single(c => c.C == penalty && c.Balanced == balanced).RocAuc;
        Assert.InRange(auc, expected - AucTolerance, expected + AucTolerance);
    }

    [Fact]
    public void BalancedWeights_ChangeTheModel()
    {
        var split = TrainingFixtures.LendingClub;
        var rows = TrainingFixtures.Baseline(split);
        var matrix = split.TrainingMatrix(rows.OriginalRows);
        float[] Scores(ClassWeighting weighting) => AlgorithmCatalog.Get("svm")
            .Train(new TrainingInput(matrix, rows.Labels, HyperparameterValues.Defaults, weighting, 42), CancellationToken.None)
            .PredictProbabilities(split.Test);

        // Weights reach the solver as row weights (ML.NET's LinearSvm ignored them), so the separating direction
        // changes and with it the order of the test rows; Platt calibration alone could only rescale the scores.
        var plain = Scores(ClassWeighting.None);
        var weighted = Scores(new ClassWeighting(ClassWeightMode.Balanced));
        var byPlain = Enumerable.Range(0, plain.Length).OrderBy(i => plain[i]).ThenBy(i => i).ToArray();
        var byWeighted = Enumerable.Range(0, weighted.Length).OrderBy(i => weighted[i]).ThenBy(i => i).ToArray();
        Assert.NotEqual(byPlain, byWeighted);
    }

    private static readonly Lazy<SvmFixture> Fixture = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "golden", "linear_svm.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<SvmFixture>(File.ReadAllText(path), options) ?? throw new InvalidDataException($"{path} holds no fixture.");
    });

    private sealed record SvmFixture(string Sklearn, IReadOnlyList<SvmDataSet> DataSets);

    private sealed record SvmDataSet(string Data, IReadOnlyList<int> TestRows, IReadOnlyList<SvmCase> Cases);

    private sealed record SvmCase(double C, bool Balanced, double RocAuc);
}
