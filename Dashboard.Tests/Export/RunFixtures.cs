using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Export;

/// <summary>Stored runs with known numbers: 10 test rows, 3 positive; at threshold 0.5 the first algorithm has TP 2, FP 1, TN 6, FN 1.</summary>
internal static class RunFixtures
{
    public static readonly int[] Labels = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    public static readonly double[] GoodScores = [0.9, 0.8, 0.3, 0.6, 0.2, 0.1, 0.4, 0.05, 0.35, 0.15];

    /// <summary>Catches every positive and raises two false alarms: TP 3, FP 2, TN 5, FN 0 (recall 1, F1 0.75).</summary>
    public static readonly double[] EagerScores = [0.7, 0.65, 0.55, 0.6, 0.52, 0.1, 0.4, 0.05, 0.35, 0.15];

    /// <summary>Misses most positives: TP 1, FP 0, TN 7, FN 2; MCC is positive, precision 1.</summary>
    public static readonly double[] ShyScores = [0.9, 0.3, 0.2, 0.4, 0.1, 0.1, 0.3, 0.05, 0.35, 0.15];

    public static AlgorithmResult Result(string algorithmId, double[] scores, HyperparameterValues? hyperparameters = null, double threshold = 0.5)
    {
        var predictions = new ScoredPredictions(Labels, scores);
        return new AlgorithmResult(algorithmId, AlgorithmCatalog.Get(algorithmId).DisplayName, AlgorithmStatus.Completed,
            hyperparameters ?? HyperparameterValues.Defaults, ClassWeighting.None, 120, predictions.MetricsAt(threshold), scores, Labels,
            predictions.RocCurve(), predictions.PrecisionRecallCurve(), predictions.SensitivitySpecificityCurve(MetricsCalculator.UniformThresholds(101)),
            new StageTimings(0.012, 0.25, 0.031));
    }

    public static AlgorithmResult Failed(string algorithmId) =>
        new(algorithmId, AlgorithmCatalog.Get(algorithmId).DisplayName, AlgorithmStatus.Failed, HyperparameterValues.Defaults,
            new ClassWeighting(ClassWeightMode.Custom, 3), 120, null, [], [], [], [], [], new StageTimings(0.01, 0, 0), "The model could not converge.");

    public static readonly RunDataset Titanic = new("titanic", "Titanic passengers and crew", "survived", "yes", "no", 1657, 552,
        Dashboard.Core.Data.BundledDatasets.Find("titanic")!.Credit);

    public static IReadOnlyList<SliderState> Sliders(double? classShare = 0.5) =>
    [
        new(RoomDefaults.ClassSliderId, new ClassGroup(1), classShare),
        new("feature:gender", new CategoryGroup("gender", "female"), null, UndersamplingMethod.NearMiss1, OversamplingMethod.Random, 3),
        new("feature:fare", new NumericRangeGroup("fare", 31.275, double.PositiveInfinity)),
    ];

    public static TrainingSummary Training(bool leaky = false) => new(1657, 2300, 1150, 643,
        [new ChangeReport(0, "class 'yes'", 0.5, 0.5, new ClassSplit(0, 507), new ClassSplit(0, 1150), new ClassSplit(1150, 507), new ClassSplit(1150, 1150),
            643, 0, "SMOTE-NC", 5, NeighbourSearchKind.Exact, [new ResamplingWarning(ResamplingWarningKind.KReduced, "k lowered to 4: the group is small.")])],
        ["training rows doubled"], 0.034, leaky);

    public static RecordedRun Run(string runId, DateTimeOffset at, IReadOnlyList<AlgorithmResult>? results = null, string room = "K7Q-2MX",
        string reason = "moved class balance to 0.5", string? who = "ana", RunDataset? dataset = null, bool leaky = false) =>
        new(runId, at, room, who, reason, dataset ?? Titanic,
            new DatasetChoice("titanic", "survived", null, ["name", "ticketno"], 42, 0.25),
            Sliders(), RoomDefaults.Algorithms(), 0.5, leaky, RoomDefaults.ClassSliderId, Training(leaky), 1.75,
            results ?? [Result("lightgbm", GoodScores, HyperparameterValues.Defaults.With("leaves", 15)), Result("random-forest", EagerScores),
                Result("svm", ShyScores), Failed("mlp")]);

    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
}
