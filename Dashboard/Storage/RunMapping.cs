using System.Buffers.Binary;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Storage;

/// <summary>Between a <see cref="RecordedRun"/> and its rows: every value comes back exactly as it went in.</summary>
public static class RunMapping
{
    public static RunEntity ToEntity(RecordedRun run) => new()
    {
        Id = run.RunId,
        RoomCode = run.RoomCode,
        StartedBy = run.StartedBy,
        Reason = run.Reason,
        CompletedAt = run.CompletedAt.UtcDateTime,
        DatasetSource = run.Dataset.Source,
        DatasetName = run.Dataset.DisplayName,
        Target = run.Dataset.Target,
        PositiveClass = run.Dataset.PositiveClass,
        NegativeClass = run.Dataset.NegativeClass,
        Credit = run.Dataset.Credit,
        TrainRows = run.Dataset.TrainRows,
        TestRows = run.Dataset.TestRows,
        SplitSeed = run.Choice.SplitSeed,
        TestShare = run.Choice.TestShare,
        Threshold = run.Threshold,
        Leaky = run.Leaky,
        MovedSliderId = run.MovedSliderId,
        Seconds = run.Seconds,
        ChoiceJson = StorageJson.Write(run.Choice),
        SlidersJson = StorageJson.Write(run.Sliders),
        AlgorithmsJson = StorageJson.Write(run.Algorithms),
        TrainingJson = run.Training is null ? null : StorageJson.Write(run.Training),
        CostsJson = StorageJson.Write(run.Costs),
        Results = run.Results.Select((r, i) => ToEntity(run.RunId, r, i)).ToList(),
    };

    private static RunResultEntity ToEntity(string runId, AlgorithmResult result, int position)
    {
        var m = result.Metrics;
        return new RunResultEntity
        {
            RunId = runId,
            AlgorithmId = result.AlgorithmId,
            Position = position,
            DisplayName = result.DisplayName,
            Status = result.Status.ToString(),
            Error = result.Error,
            HyperparametersJson = StorageJson.Write(result.Hyperparameters),
            ClassWeightJson = StorageJson.Write(result.ClassWeight),
            TrainingRows = result.TrainingRows,
            Threshold = m?.Threshold,
            TruePositives = m?.Confusion.TruePositives,
            FalsePositives = m?.Confusion.FalsePositives,
            TrueNegatives = m?.Confusion.TrueNegatives,
            FalseNegatives = m?.Confusion.FalseNegatives,
            Accuracy = m?.Accuracy,
            Precision = m?.Precision,
            Recall = m?.Recall,
            Specificity = m?.Specificity,
            F1 = m?.F1,
            F2 = m?.F2,
            BalancedAccuracy = m?.BalancedAccuracy,
            GeometricMean = m?.GeometricMean,
            Mcc = m?.Mcc,
            RocAuc = m?.RocAuc,
            PrAuc = m?.PrAuc,
            SupportPositive = m?.SupportPositive,
            SupportNegative = m?.SupportNegative,
            UndefinedJson = m is null ? null : StorageJson.Write(m.Undefined),
            FeaturizeSeconds = result.Timings.FeaturizeSeconds,
            FitSeconds = result.Timings.FitSeconds,
            ScoreSeconds = result.Timings.ScoreSeconds,
            TestScores = PackDoubles(result.TestScores),
            TestLabels = new string(result.TestLabels.Select(l => l == 1 ? '1' : '0').ToArray()),
            CurvesJson = StorageJson.Write(new StoredCurves(
                result.RocCurve.Select(p => new[] { p.FalsePositiveRate, p.TruePositiveRate, p.Threshold }).ToArray(),
                result.PrecisionRecallCurve.Select(p => new[] { p.Precision, p.Recall, p.Threshold }).ToArray(),
                result.SensitivitySpecificityCurve.Select(p => new[] { p.Threshold, p.Sensitivity, p.Specificity }).ToArray())),
            RegressionJson = result.Regression is null ? null : StorageJson.Write(result.Regression),
            TestPredictions = result.Regression is null ? null : PackDoubles(result.TestPredictions),
            TestTargets = result.Regression is null ? null : PackDoubles(result.TestTargets),
        };
    }

    public static RecordedRun ToRecord(RunEntity run) => new(
        run.Id,
        new DateTimeOffset(DateTime.SpecifyKind(run.CompletedAt, DateTimeKind.Utc)),
        run.RoomCode,
        run.StartedBy,
        run.Reason,
        new RunDataset(run.DatasetSource, run.DatasetName, run.Target, run.PositiveClass, run.NegativeClass, run.TrainRows, run.TestRows, run.Credit),
        StorageJson.Read<DatasetChoice>(run.ChoiceJson),
        StorageJson.Read<SliderState[]>(run.SlidersJson),
        StorageJson.Read<AlgorithmSeat[]>(run.AlgorithmsJson),
        run.Threshold,
        run.Leaky,
        run.MovedSliderId,
        run.TrainingJson is null ? null : StorageJson.Read<TrainingSummary>(run.TrainingJson),
        run.Seconds,
        run.Results.OrderBy(r => r.Position).Select(ToResult).ToArray())
    {
        Costs = Costs(run.CostsJson),
    };

    private static AlgorithmResult ToResult(RunResultEntity r)
    {
        var metrics = Metrics(r);
        var curves = StorageJson.Read<StoredCurves>(r.CurvesJson);
        return new AlgorithmResult(
            r.AlgorithmId,
            r.DisplayName,
            Enum.Parse<AlgorithmStatus>(r.Status),
            StorageJson.Read<HyperparameterValues>(r.HyperparametersJson),
            StorageJson.Read<ClassWeighting>(r.ClassWeightJson),
            r.TrainingRows,
            metrics,
            UnpackDoubles(r.TestScores),
            r.TestLabels.Select(c => c == '1' ? 1 : 0).ToArray(),
            curves.Roc.Select(p => new RocPoint(p[0], p[1], p[2])).ToArray(),
            curves.Pr.Select(p => new PrecisionRecallPoint(p[0], p[1], p[2])).ToArray(),
            curves.Ss.Select(p => new SensitivitySpecificityPoint(p[0], p[1], p[2])).ToArray(),
            new StageTimings(r.FeaturizeSeconds, r.FitSeconds, r.ScoreSeconds),
            r.Error)
        {
            Regression = Regression(r),
            TestPredictions = r.TestPredictions is null ? [] : UnpackDoubles(r.TestPredictions),
            TestTargets = r.TestTargets is null ? [] : UnpackDoubles(r.TestTargets),
        };
    }

    /// <summary>A regressor's R² and errors from a result row; null for a classifier's (stored before regression, or on classes).</summary>
    /// <summary>A run's stored costs; a run stored before costs had them at 1 and 1.</summary>
    public static CostMatrix Costs(string? costsJson) => costsJson is null ? CostMatrix.Equal : StorageJson.Read<CostMatrix>(costsJson);

    public static RegressionMetrics? Regression(RunResultEntity r) => r.RegressionJson is null ? null : StorageJson.Read<RegressionMetrics>(r.RegressionJson);

    /// <summary>
    /// The metrics from a result row's columns, or null for a failed algorithm. The history grid
    /// reads the same columns without the scores and curves, so it takes any row of this shape.
    /// </summary>
    public static BinaryMetrics? Metrics(RunResultEntity r) => r.Threshold is not { } threshold ? null : new BinaryMetrics(threshold,
        new ConfusionMatrix(r.TruePositives!.Value, r.FalsePositives!.Value, r.TrueNegatives!.Value, r.FalseNegatives!.Value),
        r.Accuracy!.Value, r.Precision!.Value, r.Recall!.Value, r.Specificity!.Value, r.F1!.Value, r.F2!.Value,
        r.BalancedAccuracy!.Value, r.GeometricMean!.Value, r.Mcc!.Value, r.RocAuc!.Value, r.PrAuc!.Value,
        r.SupportPositive!.Value, r.SupportNegative!.Value,
        r.UndefinedJson is null ? [] : StorageJson.Read<MetricId[]>(r.UndefinedJson));

    /// <summary>Doubles as base64 of their little-endian bytes: exact, and about a third the size of their decimal text.</summary>
    public static string PackDoubles(IReadOnlyList<double> values)
    {
        var bytes = new byte[values.Count * sizeof(double)];
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return Convert.ToBase64String(bytes);
    }

    public static double[] UnpackDoubles(string packed)
    {
        var bytes = Convert.FromBase64String(packed);
        var values = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }

    private sealed record StoredCurves(double[][] Roc, double[][] Pr, double[][] Ss);
}
