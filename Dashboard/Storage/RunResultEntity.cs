namespace Dashboard.Storage;

/// <summary>
/// One algorithm's result in a run (table "RunResults", key run + algorithm). Metrics and the
/// confusion matrix are columns (sortable in SQL); the test scores are packed float64s (exact,
/// compact) and the curves compact JSON arrays of [x, y, threshold].
/// </summary>
public sealed class RunResultEntity
{
    public required string RunId { get; set; }

    public required string AlgorithmId { get; set; }

    /// <summary>Order of arrival within the run.</summary>
    public int Position { get; set; }

    public required string DisplayName { get; set; }

    public required string Status { get; set; }

    public string? Error { get; set; }

    public required string HyperparametersJson { get; set; }

    public required string ClassWeightJson { get; set; }

    public int TrainingRows { get; set; }

    public double? Threshold { get; set; }

    public int? TruePositives { get; set; }

    public int? FalsePositives { get; set; }

    public int? TrueNegatives { get; set; }

    public int? FalseNegatives { get; set; }

    public double? Accuracy { get; set; }

    public double? Precision { get; set; }

    public double? Recall { get; set; }

    public double? Specificity { get; set; }

    public double? F1 { get; set; }

    public double? F2 { get; set; }

    public double? BalancedAccuracy { get; set; }

    public double? GeometricMean { get; set; }

    public double? Mcc { get; set; }

    public double? RocAuc { get; set; }

    public double? PrAuc { get; set; }

    public int? SupportPositive { get; set; }

    public int? SupportNegative { get; set; }

    /// <summary>JSON array of the metric names whose formula divided by zero.</summary>
    public string? UndefinedJson { get; set; }

    public double FeaturizeSeconds { get; set; }

    public double FitSeconds { get; set; }

    public double ScoreSeconds { get; set; }

    /// <summary>Base64 of the test scores as little-endian float64s.</summary>
    public required string TestScores { get; set; }

    /// <summary>The test labels as a string of '0' and '1'.</summary>
    public required string TestLabels { get; set; }

    /// <summary>{"roc":[[fpr,tpr,t],…],"pr":[[precision,recall,t],…],"ss":[[t,sensitivity,specificity],…]}.</summary>
    public required string CurvesJson { get; set; }

    public RunEntity? Run { get; set; }

    /// <summary>For a numeric target (regression): R², the errors and the rare-value errors as JSON; null for classes.</summary>
    public string? RegressionJson { get; set; }

    /// <summary>For regression: base64 of the predicted value of every test row as little-endian float64s.</summary>
    public string? TestPredictions { get; set; }

    /// <summary>For regression: base64 of the true value of every test row, beside <see cref="TestPredictions"/>.</summary>
    public string? TestTargets { get; set; }
}
