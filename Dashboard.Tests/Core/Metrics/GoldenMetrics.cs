using System.Text.Json;
using Dashboard.Core.Metrics;

namespace Dashboard.Tests.Core.Metrics;

/// <summary>
/// The scikit-learn 1.2.1 / imbalanced-learn 0.10.0 reference values in TestData/golden/metrics.json,
/// made by tools/fixtures/make_metrics_fixture.py (its header says how to rerun it).
/// </summary>
internal static class GoldenMetrics
{
    private static readonly Lazy<Fixture> Loaded = new(Load);

    public static double TieTolerance => Loaded.Value.TieTolerance;

    public static IReadOnlyList<Case> Cases => Loaded.Value.Cases;

    /// <summary>Case names for [MemberData], so each case is its own test in the results.</summary>
    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    public static Case Get(string name) => Cases.Single(c => c.Name == name);

    private static Fixture Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "golden", "metrics.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<Fixture>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} holds no fixture.");
    }

    public sealed record Fixture(double TieTolerance, IReadOnlyList<Case> Cases);

    public sealed record Case(
        string Name,
        string Description,
        int[] Labels,
        double[] Scores,
        IReadOnlyList<Evaluation> Evaluations,
        Roc RocCurve,
        Roc RocCurveFull,
        PrecisionRecall PrecisionRecallCurve,
        IReadOnlyList<SensSpec> SensitivitySpecificityAtScores,
        IReadOnlyList<SensSpec> SensitivitySpecificityGrid,
        IReadOnlyList<FBetaValue> FBeta,
        Dictionary<string, Best> BestThresholds)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// Metrics at one threshold. A metric's value is null where sklearn raised; SklearnWarned and
    /// SklearnRaised hold the library's message per metric; Undefined lists the metrics whose formula
    /// divides by zero for these counts.
    /// </summary>
    public sealed record Evaluation(
        double Threshold,
        Confusion Confusion,
        Dictionary<string, double?> Metrics,
        Dictionary<string, string> SklearnWarned,
        Dictionary<string, string> SklearnRaised,
        IReadOnlyList<string> Undefined);

    public sealed record Confusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
    {
        public ConfusionMatrix ToMatrix() => new(TruePositives, FalsePositives, TrueNegatives, FalseNegatives);
    }

    /// <summary>sklearn's roc_curve output; a rate is null where sklearn returned NaN (one class in the labels).</summary>
    public sealed record Roc(double?[] Fpr, double?[] Tpr, double[] Thresholds);

    /// <summary>sklearn's precision_recall_curve output: one threshold fewer than points.</summary>
    public sealed record PrecisionRecall(double[] Precision, double[] Recall, double[] Thresholds);

    public sealed record SensSpec(double Threshold, double Sensitivity, double Specificity);

    public sealed record FBetaValue(double Beta, double Value);

    public sealed record Best(double Threshold, double Value);
}
