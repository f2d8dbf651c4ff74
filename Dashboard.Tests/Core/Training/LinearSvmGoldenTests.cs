using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The `svm` seat solves scikit-learn LinearSVC's problem, so: solved tightly, its decision values equal LinearSVC's;
/// with the seat's defaults its test-row ROC AUC stays within 0.02 of LinearSVC's on the same rows (issue 4's target);
/// its Platt scaling equals scikit-learn's sigmoid calibration. Reference: tools/fixtures/make_svm_fixture.py.
/// C = 1 is in the fixture but not tested here: both solvers need many hundreds of passes there (LinearSVC stops
/// unconverged at 1,000), which is slow for a unit test.
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
    // Not titanic: it has missing values, and there the featurizations differ (scikit-learn standardizes after
    // imputing and scales the missing indicators too), so the two solvers see different features.
    // Coordinate descent's float weights against liblinear's doubles, both stopped near (not at) the optimum; Newton's
    // optimum is exact up to rounding its weights to floats.
    [InlineData("lending_club", false, 2e-3)]
    [InlineData("breast_cancer_wisconsin", false, 2e-3)]
    [InlineData("lending_club", true, 5e-4)]
    [InlineData("breast_cancer_wisconsin", true, 5e-4)]
    public void SolvedTightly_DecisionValuesEqualLinearSvc(string dataSet, bool newton, double tolerance)
    {
        var golden = Fixture.Value.DataSets.Single(d => d.Data == dataSet);
        var split = Split(dataSet);
        var rows = TrainingFixtures.Baseline(split);
        var penalties = rows.Labels.Select(_ => golden.Solution.C).ToArray();
        var matrix = split.TrainingMatrix(rows.OriginalRows);

        var model = newton
            ? LinearSvmNewton.Fit(matrix, rows.Labels, penalties, maxSteps: 100, CancellationToken.None)
            : LinearSvmSolver.Fit(matrix, rows.Labels, penalties, maxPasses: 100_000, tolerance: 1e-5, seed: 42, CancellationToken.None);

        Assert.True(model.Converged);
        var values = model.DecisionValues(split.Test);
        var largestGap = values.Zip(golden.Solution.TestDecisionValues, (ours, theirs) => Math.Abs(ours - theirs)).Max();
        Assert.True(largestGap < tolerance, $"largest decision-value gap {largestGap}");
    }

    [Fact]
    public void PlattScaling_EqualsScikitLearnSigmoidCalibration()
    {
        // Titanic's training decision values; the script checked scikit-learn's (A, B) is the true optimum there.
        var platt = Fixture.Value.DataSets.Single(d => d.Platt is not null).Platt!;

        var fitted = PlattScaling.Fit(platt.DecisionValues, platt.Labels);

        Assert.Equal(platt.A, fitted.A, 4);
        Assert.Equal(platt.B, fitted.B, 4);
        Assert.Equal(1 / (1 + Math.Exp(platt.A * 0.5 + platt.B)), fitted.Probability(0.5), 5);
    }

    [Fact]
    public void PlattScaling_SeparableData_StaysFinite()
    {
        // Perfectly separated decision values: without Platt's smoothed targets A would run off to infinity.
        var fitted = PlattScaling.Fit([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);

        Assert.True(double.IsFinite(fitted.A) && fitted.A < 0);
        Assert.InRange(fitted.Probability(3), 0.5, 1.0 - 1e-6);
        Assert.InRange(fitted.Probability(-3), 1e-6, 0.5);
        Assert.Equal(1.0, fitted.Probability(1e6), 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocAuc_WithinTolerance_OfLinearSvc(string dataSet, double penalty, bool balanced)
    {
        var golden = Fixture.Value.DataSets.Single(d => d.Data == dataSet);
        var split = Split(dataSet);
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

        // Class weights reach the solver as per-row penalties (ML.NET's LinearSvm ignored row weights), so the
        // separating direction changes and with it the order of the test rows; Platt scaling alone could only rescale.
        var plain = Scores(ClassWeighting.None);
        var weighted = Scores(new ClassWeighting(ClassWeightMode.Balanced));
        var byPlain = Enumerable.Range(0, plain.Length).OrderBy(i => plain[i]).ThenBy(i => i).ToArray();
        var byWeighted = Enumerable.Range(0, weighted.Length).OrderBy(i => weighted[i]).ThenBy(i => i).ToArray();
        Assert.NotEqual(byPlain, byWeighted);
    }

    [Fact]
    public void Fit_SameSeed_IdenticalWeights_AndCancellationStops()
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var matrix = split.TrainingMatrix(rows.OriginalRows);
        var penalties = rows.Labels.Select(_ => 0.1).ToArray();
        LinearSvmModel Fit(CancellationToken token) => LinearSvmSolver.Fit(matrix, rows.Labels, penalties, 1000, 0.1, seed: 5, token);

        Assert.Equal(Fit(CancellationToken.None).Weights, Fit(CancellationToken.None).Weights);
        Assert.Throws<OperationCanceledException>(() => Fit(new CancellationToken(canceled: true)));
    }

    private static FeaturizedSplit Split(string dataSet) => dataSet switch
    {
        "lending_club" => TrainingFixtures.LendingClub,
        "breast_cancer_wisconsin" => TrainingFixtures.BreastCancer,
        _ => TrainingFixtures.Prepare(dataSet, "survived"),
    };

    private static readonly Lazy<SvmFixture> Fixture = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "golden", "linear_svm.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<SvmFixture>(File.ReadAllText(path), options) ?? throw new InvalidDataException($"{path} holds no fixture.");
    });

    private sealed record SvmFixture(string Sklearn, IReadOnlyList<SvmDataSet> DataSets);

    private sealed record SvmDataSet(string Data, IReadOnlyList<int> TestRows, IReadOnlyList<SvmCase> Cases, SvmSolution Solution, PlattCase? Platt);

    private sealed record SvmSolution(double C, IReadOnlyList<double> TestDecisionValues);

    private sealed record PlattCase(IReadOnlyList<double> DecisionValues, IReadOnlyList<int> Labels, double A, double B);

    private sealed record SvmCase(double C, bool Balanced, double RocAuc);
}
