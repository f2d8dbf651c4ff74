using System.Text.Json;
using Dashboard.Core.Training;
using Dashboard.Core.Training.Svm;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The `svm` seat for a numeric target solves scikit-learn LinearSVR's problem, and shrinks its active rows as liblinear
/// does: solved tightly, its weights and intercept equal LinearSVR's (tol 1e-9) for a few C and ε; shrinking changes
/// the path, not the answer. Reference: tools/fixtures/make_linear_svr_fixture.py.
/// </summary>
public sealed class LinearSvrGoldenTests
{
    public static TheoryData<double, double> Cases()
    {
        var data = new TheoryData<double, double>();
        foreach (var c in Fixture.Value.Cases) data.Add(c.C, c.Epsilon);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolvedTightly_WeightsEqualLinearSvr(double c, double epsilon)
    {
        var golden = Fixture.Value.Cases.Single(g => g.C == c && g.Epsilon == epsilon);

        var model = LinearSvrSolver.Fit(Features(), Fixture.Value.Targets, c, epsilon, maxPasses: 100_000, tolerance: 1e-7, seed: 42, CancellationToken.None);

        Assert.True(model.Converged, $"not converged after {model.Passes} passes");
        for (var j = 0; j < golden.Weights.Count; j++) Assert.Equal(golden.Weights[j], model.Weights[j], 1e-4);
        Assert.Equal(golden.Intercept, model.Bias, 1e-4);
    }

    [Fact]
    public void SeatTolerance_ObjectiveWithinOnePercentOfLinearSvrs()
    {
        // The seat stops at 1 % of the first pass's violation (LinearSvrAlgorithm), as LinearSVR(tol=0.01) would; at that
        // point the primal objective is already within 1 % of the optimum (LinearSVR(tol=0.01) stops 0.4-0.8 % above it here).
        var golden = Fixture.Value.Cases.Single(g => g.C == 1 && g.Epsilon == 0);

        var model = LinearSvrSolver.Fit(Features(), Fixture.Value.Targets, 1, 0, maxPasses: 1000, tolerance: 0.01, seed: 42, CancellationToken.None);

        var optimum = Objective(golden.Weights, golden.Intercept, 1, 0);
        var reached = Objective(model.Weights.Select(w => (double)w).ToArray(), model.Bias, 1, 0);
        Assert.InRange(reached, optimum * (1 - 1e-9), optimum * 1.01);
    }

    /// <summary>LinearSVR's primal: ½(‖w‖² + b²) + C·Σ max(0, |y − w·x − b| − ε), the intercept regularized as liblinear's.</summary>
    private static double Objective(IReadOnlyList<double> weights, double intercept, double c, double epsilon)
    {
        var loss = Fixture.Value.Features.Select((x, i) =>
            Math.Max(0, Math.Abs(Fixture.Value.Targets[i] - intercept - x.Select((v, j) => v * weights[j]).Sum()) - epsilon)).Sum();
        return 0.5 * (weights.Sum(w => w * w) + intercept * intercept) + c * loss;
    }

    private static FeatureMatrix Features()
    {
        var rows = Fixture.Value.Features;
        var columns = rows[0].Count;
        return new FeatureMatrix(rows.Count, columns, rows.SelectMany(r => r.Select(x => (float)x)).ToArray());
    }

    private static readonly Lazy<SvrFixture> Fixture = new(() =>
    {
        var path = TestData.PathOf("golden/linear_svr.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<SvrFixture>(File.ReadAllText(path), options) ?? throw new InvalidDataException($"{path} holds no fixture.");
    });

    private sealed record SvrFixture(string Sklearn, IReadOnlyList<IReadOnlyList<double>> Features, IReadOnlyList<double> Targets, IReadOnlyList<SvrCase> Cases);

    private sealed record SvrCase(double C, double Epsilon, IReadOnlyList<double> Weights, double Intercept);
}
